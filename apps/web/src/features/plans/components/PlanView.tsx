import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionPlan, ActionPlanVersionSummary } from '@samkraft/contracts/plans';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { planPdfUrl } from '../api/plansApi.ts';

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text fw={600} size="sm">
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{value?.trim() ? value : '—'}</Text>
    </div>
  );
}

export function PlanView({ plan }: { plan: ActionPlan }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const d = (v: string | null) => (v ? formatDate(v, language) : null);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        {plan.revisionReason ? <Field label={t('reason')} value={plan.revisionReason} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('agreedOn')} value={d(plan.agreedOn)} />
          <Field label={t('firstFollowUpOn')} value={d(plan.firstFollowUpOn)} />
          <Field label={`${t('evaluationOn')} / ${t('evaluationBy')}`} value={[d(plan.evaluationOn), plan.evaluationBy].filter(Boolean).join(' · ')} />
        </SimpleGrid>
        <Field label={t('difficultiesAndNeeds')} value={plan.difficultiesAndNeeds} />
        <Field label={t('purposeAndContent')} value={plan.purposeAndContent} />
        <Field label={t('location')} value={plan.location} />
        <Title order={3} size="h5">
          {t('responsibilitiesTitle')}
        </Title>
        <Table withTableBorder aria-label={t('responsibilitiesTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('part')}</Table.Th>
              <Table.Th scope="col">{t('responsible')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.responsibilities.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{r.part}</Table.Td>
                <Table.Td>{r.responsible}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Field label={t('otherAdministrations')} value={plan.otherAdministrations} />
        <Field label={t('returnToWork')} value={plan.returnToWork} />
        <Title order={3} size="h5">
          {t('goalsTitle')}
        </Title>
        <Table withTableBorder aria-label={t('goalsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              <Table.Th scope="col">{t('goal')}</Table.Th>
              <Table.Th scope="col">{t('targetOn')}</Table.Th>
              <Table.Th scope="col">{t('status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.goals.map((g) => (
              <Table.Tr key={g.ordinal}>
                <Table.Td>{g.ordinal}</Table.Td>
                <Table.Td>{g.description}</Table.Td>
                <Table.Td>{d(g.targetOn) ?? '—'}</Table.Td>
                <Table.Td>{t(`statuses.${g.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

export function PlanVersions({ courseId, versions }: { courseId: string; versions: ActionPlanVersionSummary[] }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  return (
    <Table withTableBorder aria-label={t('versionsTitle')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('version')}</Table.Th>
          <Table.Th scope="col">{t('agreedOn')}</Table.Th>
          <Table.Th scope="col">{t('reason')}</Table.Th>
          <Table.Th scope="col">{t('createdBy')}</Table.Th>
          <Table.Th scope="col">{t('pdf')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.map((v) => (
          <Table.Tr key={v.version}>
            <Table.Th scope="row">{v.version}</Table.Th>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(v.agreedOn, language)}</Table.Td>
            <Table.Td>{v.revisionReason ?? t('firstVersion')}</Table.Td>
            <Table.Td>{v.createdBy ?? '—'}</Table.Td>
            <Table.Td>
              <Anchor href={planPdfUrl(courseId, v.version)} download>
                {t('downloadPdf', { version: v.version })}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
