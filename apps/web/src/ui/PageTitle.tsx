import { Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';

export type PageTitleProps = { title: string; description?: ReactNode };

/** The page's one h1; also sets the document title so each page is announced by name. */
export function PageTitle({ title, description }: PageTitleProps) {
  useEffect(() => {
    document.title = `${title} – Samkraft`;
  }, [title]);
  return (
    <Stack gap={4} mb="lg">
      <Title order={1}>{title}</Title>
      {description ? <Text c="dimmed">{description}</Text> : null}
    </Stack>
  );
}
