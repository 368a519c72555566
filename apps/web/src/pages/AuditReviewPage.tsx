import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditAlerts } from '../features/audit-review/components/AuditAlerts.tsx';
import { AuditEventTable } from '../features/audit-review/components/AuditEventTable.tsx';
import { AuditFilters, toFilter, type FilterDraft } from '../features/audit-review/components/AuditFilters.tsx';
import { daysBefore } from '../features/audit-review/utils/period.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { Section } from '../ui/Section.tsx';
import { danishToday } from '../ui/utils/danishToday.ts';

/** "Tilsyn med adgang" (issue 15.4): the audit log for the data-protection role. */
export function AuditReviewPage() {
  const { t } = useTranslation('auditReview');
  const today = danishToday();
  const [draft, setDraft] = useState<FilterDraft>({ citizen: null, user: null, from: daysBefore(today, 30), to: today, action: '', outcome: '' });
  const [applied, setApplied] = useState<FilterDraft | null>(null);
  const showUser = (user: { id: string; name: string }) => {
    const next = { ...draft, user };
    setDraft(next);
    setApplied(next);
  };
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Section title={t('filters')}>
        <AuditFilters draft={draft} onChange={setDraft} onApply={() => setApplied(draft)} />
      </Section>
      {applied ? (
        <Section title={t('events')}>
          <AuditEventTable filter={toFilter(applied)} onUser={showUser} />
        </Section>
      ) : null}
      <Section title={t('alerts')} description={t('alertsIntro')}>
        <AuditAlerts from={daysBefore(today, 30)} to={today} onUser={showUser} />
      </Section>
      <Text size="sm" c="dimmed" mt="md">
        {t('retention')}
      </Text>
    </>
  );
}
