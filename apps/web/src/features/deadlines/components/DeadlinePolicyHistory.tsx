import { Stack, Title } from '@mantine/core';
import { deadlineKinds, type DeadlinePolicy } from '@samkraft/contracts/deadlines';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { Section } from '../../../ui/Section.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';

export type DeadlinePolicyHistoryProps = { policies: readonly DeadlinePolicy[]; today: string };

/** The policy in force today is the latest one effective on or before today; the rest is history. */
function inForce(rows: readonly DeadlinePolicy[], today: string): string | undefined {
  return rows.filter((p) => p.effectiveFrom <= today).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]?.id;
}

export function DeadlinePolicyHistory({ policies, today }: DeadlinePolicyHistoryProps) {
  const { t } = useTranslation('deadlines');
  const { t: tw } = useTranslation('worklist');
  const { language } = useLanguage();
  return (
    <Section title={t('policies.historyTitle')}>
      <Stack gap="lg">
        {deadlineKinds.map((kind) => {
          const rows = policies.filter((p) => p.kind === kind).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
          const current = inForce(rows, today);
          const columns: Column<DeadlinePolicy>[] = [
            { key: 'from', header: t('policies.columns.effectiveFrom'), rowHeader: true, nowrap: true, render: (p) => formatDate(p.effectiveFrom, language) },
            { key: 'length', header: t('policies.columns.length'), render: (p) => t(`amounts.${p.unit}`, { count: p.amount }) },
            { key: 'status', header: t('policies.columns.status'), nowrap: true, render: (p) => (p.id === current ? <Tag tone="green">{t('policies.current')}</Tag> : '') },
            { key: 'source', header: t('policies.columns.source'), render: (p) => p.source },
          ];
          return (
            <Stack key={kind} gap="xs">
              <Title order={3} size="h4" id={`policy-${kind}`}>
                {tw(`kinds.${kind}`)}
              </Title>
              <DataTable columns={columns} rows={rows} rowKey={(p) => p.id} emptyText={t('section.none')} label={tw(`kinds.${kind}`)} />
            </Stack>
          );
        })}
      </Stack>
    </Section>
  );
}
