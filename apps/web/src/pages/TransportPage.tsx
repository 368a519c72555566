import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { useSession } from '../features/auth/hooks/sessionQuery.ts';
import { danishToday } from '../ui/utils/danishToday.ts';
import { MunicipalityTransportForm } from '../features/transport/components/MunicipalityTransportForm.tsx';
import { TransportRuleForm, TransportRulesTable } from '../features/transport/components/TransportRulesSection.tsx';
import { useMunicipalityTransport, useTransportRules } from '../features/transport/hooks/useTransport.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

export function TransportPage() {
  const { t } = useTranslation('transport');
  const session = useSession();
  const { role } = useActiveRole();
  const municipality = useMunicipalityTransport(session.user.municipality.code);
  const rules = useTransportRules();
  const today = danishToday();
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Stack gap="xl">
        <QueryState query={municipality}>
          {(data) => (
            <Section title={t('municipalityTitle', { name: data.municipalityName })}>
              <MunicipalityTransportForm data={data} today={today} />
            </Section>
          )}
        </QueryState>
        <QueryState query={rules}>
          {(data) => (
            <Section title={t('rulesTitle')} description={t('rulesIntro')}>
              <TransportRulesTable data={data} />
            </Section>
          )}
        </QueryState>
        {role === 'administrator' ? <TransportRuleForm defaultYear={Number(today.slice(0, 4))} /> : <Text>{t('adminOnly')}</Text>}
      </Stack>
    </>
  );
}
