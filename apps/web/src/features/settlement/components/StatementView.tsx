import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { SettlementStatement } from '@samkraft/contracts/settlement';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { useDownloadStatement } from '../hooks/useSettlement.ts';
import { LockPanel } from './LockPanel.tsx';
import { StatementTables } from './StatementTables.tsx';

export type StatementViewProps = { statement: SettlementStatement };

/** A statement: whether it is settled, its files to print or work on, its tables, and locking it. */
export function StatementView({ statement }: StatementViewProps) {
  const { t } = useTranslation('settlement');
  const download = useDownloadStatement();
  const params = { ...statement.period, mode: statement.mode };
  return (
    <Stack gap="lg" aria-live="polite">
      <Title order={2} size="h3">
        {t('statement.title', statement.period)}
      </Title>
      <Text size="sm">{statement.locked ? t('statement.locked', { at: danishDateOf(new Date(statement.locked.lockedAt)), by: statement.locked.lockedBy }) : t('statement.notLocked')}</Text>
      {statement.unpricedUnits > 0 ? <Alert color="yellow">{t('statement.unpriced', { count: statement.unpricedUnits })}</Alert> : null}
      <Group>
        <Button variant="default" loading={download.isPending && download.variables.format === 'pdf'} onClick={() => download.mutate({ params, format: 'pdf' })}>
          {t('statement.pdf')}
        </Button>
        <Button variant="default" loading={download.isPending && download.variables.format === 'xlsx'} onClick={() => download.mutate({ params, format: 'xlsx' })}>
          {t('statement.xlsx')}
        </Button>
      </Group>
      {download.isError ? <ErrorAlert error={download.error} /> : null}
      <StatementTables statement={statement} />
      {statement.canLock ? <LockPanel statement={statement} /> : null}
    </Stack>
  );
}
