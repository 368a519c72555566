import type { StartPage } from '@samkraft/contracts/start';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { Section } from '../../../ui/Section.tsx';
import { StatGrid } from '../../../ui/StatGrid.tsx';
import { formatNumber } from '../../../ui/utils/formatDate.ts';

export type AdministratorStartProps = { data: Extract<StartPage, { kind: 'administrator' }> };

const statKeys = ['users', 'municipalities', 'interventions', 'offerings', 'auditEventsToday'] as const;

export function AdministratorStart({ data }: AdministratorStartProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <Section title={t('start.system')} description={t('start.systemIntro')}>
      <StatGrid stats={statKeys.map((key) => ({ key, label: t(`admin.${key}`), value: formatNumber(data[key], language) }))} />
    </Section>
  );
}
