import { List, Stack, Table, Text, Title } from '@mantine/core';
import { sharablePlanFields, type SharedSnapshot } from '@samkraft/contracts/cross-referrals';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';

/** Exactly what a snapshot holds — used for the preview and on the provider's page alike. */
export function SnapshotView({ snapshot, headingLevel = 3 }: { snapshot: SharedSnapshot; headingLevel?: 3 | 4 | 5 }) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  const plan = snapshot.plan;
  return (
    <Stack gap="sm">
      {snapshot.placeName ? (
        <Text>
          <strong>{t('placeName')}:</strong> {snapshot.placeName}
        </Text>
      ) : null}
      {snapshot.diagnosis ? (
        <Text>
          <strong>{t('diagnosis')}:</strong> {snapshot.diagnosis.code} {snapshot.diagnosis.title}
        </Text>
      ) : null}
      {plan ? (
        <Stack gap={4}>
          <Title order={headingLevel} size="h5">
            {t('plan')} (v{plan.version}, {formatDate(plan.agreedOn, language)})
          </Title>
          <Table withTableBorder aria-label={t('plan')}>
            <Table.Tbody>
              {sharablePlanFields
                .filter((f) => plan[f] !== undefined)
                .map((f) => {
                  const v = plan[f];
                  let content: string;
                  if (f === 'goals') content = (plan.goals ?? []).map((g) => g.description).join('; ');
                  else if (f === 'responsibilities') content = (plan.responsibilities ?? []).map((r) => `${r.part}: ${r.responsible}`).join('; ');
                  else content = typeof v === 'string' ? v : t('nothing');
                  return (
                    <Table.Tr key={f}>
                      <Table.Th scope="row" w="30%">
                        {t(`planFields.${f}`)}
                      </Table.Th>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{content || t('nothing')}</Table.Td>
                    </Table.Tr>
                  );
                })}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
      {snapshot.assessment ? (
        <Stack gap={4}>
          <Title order={headingLevel} size="h5">
            {t('assessment')} ({formatDate(snapshot.assessment.assessedOn, language)})
          </Title>
          <List>
            {snapshot.assessment.problems.map((p) => (
              <List.Item key={p.itemCode}>
                {p.label}
                {p.note ? ` — ${p.note}` : ''}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {snapshot.other && snapshot.other.length > 0 ? (
        <Table withTableBorder aria-label={t('other')}>
          <Table.Tbody>
            {snapshot.other.map((o) => (
              <Table.Tr key={o.label}>
                <Table.Th scope="row" w="30%">
                  {o.label}
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{o.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
