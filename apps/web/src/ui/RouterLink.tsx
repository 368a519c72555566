import { Anchor, type AnchorProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type AnchorBaseProps = AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };
type NavLinkBaseProps = Omit<NavLinkProps, 'href'> & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

function AnchorBase(props: AnchorBaseProps) {
  return <Anchor component="a" {...props} />;
}

function NavLinkBase(props: NavLinkBaseProps) {
  return <NavLink component="a" {...props} />;
}

/** A Mantine Anchor that navigates with the router (typed `to`). */
export const RouterAnchor = createLink(AnchorBase);

/** A Mantine NavLink that navigates with the router; the router sets `aria-current` when active. */
export const RouterNavLink = createLink(NavLinkBase);
