import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type AnchorBaseProps = AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };
type ButtonBaseProps = ButtonProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };
type NavLinkBaseProps = Omit<NavLinkProps, 'href'> & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

function AnchorBase(props: AnchorBaseProps) {
  return <Anchor component="a" {...props} />;
}

function ButtonBase(props: ButtonBaseProps) {
  return <Button component="a" {...props} />;
}

function NavLinkBase(props: NavLinkBaseProps) {
  return <NavLink component="a" {...props} />;
}

/** A Mantine Anchor that navigates with the router (typed `to`). */
export const RouterAnchor = createLink(AnchorBase);

/** A link that looks like a Mantine Button: the one thing to do next on a page. */
export const RouterButton = createLink(ButtonBase);

/** A Mantine NavLink that navigates with the router; the router sets `aria-current` when active. */
export const RouterNavLink = createLink(NavLinkBase);
