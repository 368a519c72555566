import { List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { AssessmentItemList, NeedsAssessmentList } from '@samkraft/contracts/assessments';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';

export type AssessmentHistoryProps = { data: NeedsAssessmentList; items: AssessmentItemList };

/** Each occasion as recorded, newest first, then the change view the server computed. */
export function AssessmentHistory({ data, items }: AssessmentHistoryProps) {
  const { t } = useTranslation('assessments');
  const { language } = useLanguage();
  const labels = new Map(items.areas.flatMap((a) => a.items.map((i) => [i.code, language === 'en' ? i.labelEn : i.labelDa] as const)));
  const label = (code: string) => labels.get(code) ?? code;
  if (data.assessments.length === 0) return <EmptyState text={t('historyEmpty')} />;
  const change = data.change;
  return (
    <Stack gap="md">
      {[...data.assessments].reverse().map((a) => (
        <Paper key={a.id} withBorder p="md" component="article" aria-labelledby={`assessment-${a.id}`}>
          <Title order={3} size="h4" id={`assessment-${a.id}`}>
            {t(`occasions.${a.occasion}`)} · {formatDate(a.assessedOn, language)}
          </Title>
          <Text size="sm">{a.scaleScore === null ? null : t('scoreShort', { score: a.scaleScore })}</Text>
          {a.problems.length === 0 ? (
            <Text size="sm">{t('noProblems')}</Text>
          ) : (
            <List size="sm" mt={4}>
              {a.problems.map((p) => (
                <List.Item key={p.itemCode}>
                  {t(`areas.${p.area}`)}: {language === 'en' ? p.labelEn : p.labelDa}
                  {p.note ? ` — ${p.note}` : ''}
                </List.Item>
              ))}
            </List>
          )}
          <Text size="sm" mt={6}>
            <strong>{t('whatMattersMost')}</strong> {a.whatMattersMost}
          </Text>
          <Text size="sm">
            <strong>{t('professionalAssessment')}:</strong> {a.professionalAssessment}
          </Text>
          {a.recordedBy ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('recordedBy', { name: a.recordedBy })}
            </Text>
          ) : null}
        </Paper>
      ))}
      <Title order={2} size="h3">
        {t('changeTitle')}
      </Title>
      {change ? (
        <Stack gap="xs">
          <Text>
            {t('changeBetween', { from: formatDate(change.from.assessedOn, language), to: formatDate(change.to.assessedOn, language) })}
            {change.scoreChange === null ? '' : ` · ${t('scoreChange', { change: change.scoreChange > 0 ? `+${change.scoreChange}` : String(change.scoreChange) })}`}
          </Text>
          <Table withTableBorder aria-label={t('changeTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('area')}</Table.Th>
                <Table.Th scope="col">{t('added')}</Table.Th>
                <Table.Th scope="col">{t('resolved')}</Table.Th>
                <Table.Th scope="col">{t('continuing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {change.areas.map((a) => (
                <Table.Tr key={a.area}>
                  <Table.Th scope="row">{t(`areas.${a.area}`)}</Table.Th>
                  <Table.Td>{a.added.map(label).join(', ') || t('none')}</Table.Td>
                  <Table.Td>{a.resolved.map(label).join(', ') || t('none')}</Table.Td>
                  <Table.Td>{a.continuing.map(label).join(', ') || t('none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : (
        <EmptyState text={t('changeEmpty')} />
      )}
    </Stack>
  );
}
