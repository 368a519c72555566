import { Paper, SimpleGrid, Text } from '@mantine/core';

export type Stat = { key: string; label: string; value: string };

export type StatGridProps = { stats: readonly Stat[] };

/** Key figures as a description list laid out in cards. */
export function StatGrid({ stats }: StatGridProps) {
  return (
    // Two a row even on a phone, and smaller there, so the figures do not push the list below the fold.
    <SimpleGrid component="dl" cols={{ base: 2, md: 3 }} spacing={{ base: 'xs', sm: 'md' }} m={0}>
      {stats.map((s) => (
        <Paper key={s.key} withBorder p={{ base: 'xs', sm: 'md' }} radius="sm">
          <Text component="dt" size="sm" fw={500}>
            {s.label}
          </Text>
          <Text component="dd" m={0} fz={{ base: 24, sm: 32 }} fw={600} lh={1.2}>
            {s.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
