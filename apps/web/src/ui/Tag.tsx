import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

export type TagTone = 'gray' | 'blue' | 'cyan' | 'indigo' | 'violet' | 'green' | 'yellow' | 'red' | 'orange';

export type TagProps = { tone: TagTone; children: ReactNode };

/**
 * A status label. Colour only tints the background and border; the text stays near-black so
 * contrast holds for every tone (colour is never the only carrier of meaning: the text is).
 */
export function Tag({ tone, children }: TagProps) {
  return (
    <Badge
      variant="light"
      radius="sm"
      tt="none"
      fw={500}
      styles={{
        root: {
          backgroundColor: `var(--mantine-color-${tone}-1)`,
          border: `1px solid var(--mantine-color-${tone}-5)`,
          color: '#1a1a1a',
          // A state must be read whole ("Overskredet", not "Oversk…"): never clip the label.
          maxWidth: 'none',
          flexShrink: 0,
        },
        label: { overflow: 'visible', textOverflow: 'clip' },
      }}
    >
      {children}
    </Badge>
  );
}
