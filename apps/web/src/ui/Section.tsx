import { Stack, Text, Title } from '@mantine/core';
import { createContext, type ReactNode, useContext, useId } from 'react';
import classes from './Section.module.css';

const SectionHeadingContext = createContext<string | undefined>(undefined);

/** The id of the nearest Section's heading, so tables inside can be labelled by it. */
export function useSectionHeadingId(): string | undefined {
  return useContext(SectionHeadingContext);
}

export type SectionProps = {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Given, the section folds away under its heading (a disclosure), open or shut to begin with. */
  defaultOpen?: boolean;
};

export function Section({ title, description, children, defaultOpen }: SectionProps) {
  const headingId = useId();
  if (defaultOpen !== undefined) {
    return (
      <Stack component="section" gap="xs">
        <details open={defaultOpen}>
          <summary className={classes.summary}>
            <Title order={2} id={headingId} size="h3">
              {title}
            </Title>
          </summary>
          <Stack gap="xs" mt="xs">
            {description ? <Text c="dimmed">{description}</Text> : null}
            <SectionHeadingContext.Provider value={headingId}>{children}</SectionHeadingContext.Provider>
          </Stack>
        </details>
      </Stack>
    );
  }
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
