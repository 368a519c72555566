import { Box, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './Section.module.css';

export type DisclosureProps = { title: string; headingId: string; defaultOpen: boolean; children: ReactNode };

/**
 * A part of a page that folds away under its (level 3) heading: a native disclosure, so the
 * keyboard and screen readers know it. Open or shut to begin with; the user decides after.
 */
export function Disclosure({ title, headingId, defaultOpen, children }: DisclosureProps) {
  return (
    <details open={defaultOpen}>
      <summary className={classes.summary}>
        <Title order={3} size="h4" id={headingId}>
          {title}
        </Title>
      </summary>
      <Box mt="xs">{children}</Box>
    </details>
  );
}
