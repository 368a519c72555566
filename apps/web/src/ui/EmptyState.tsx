import { Paper, Text } from '@mantine/core';

export type EmptyStateProps = { text: string };

export function EmptyState({ text }: EmptyStateProps) {
  return (
    <Paper withBorder p="md" bg="gray.0">
      <Text>{text}</Text>
    </Paper>
  );
}
