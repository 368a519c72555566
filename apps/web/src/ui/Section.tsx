import { Stack, Text, Title } from '@mantine/core';
import { createContext, type ReactNode, useContext, useId } from 'react';

const SectionHeadingContext = createContext<string | undefined>(undefined);

/** The id of the nearest Section's heading, so tables inside can be labelled by it. */
export function useSectionHeadingId(): string | undefined {
  return useContext(SectionHeadingContext);
}

export type SectionProps = { title: string; description?: ReactNode; children: ReactNode };

export function Section({ title, description, children }: SectionProps) {
  const headingId = useId();
  return (
    // Deliberately unnamed: the table inside is the named region, two landmarks with one name confuse.
    <Stack component="section" gap="xs">
      <Title order={2} id={headingId} size="h3">
        {title}
      </Title>
      {description ? <Text c="dimmed">{description}</Text> : null}
      <SectionHeadingContext.Provider value={headingId}>{children}</SectionHeadingContext.Provider>
    </Stack>
  );
}
