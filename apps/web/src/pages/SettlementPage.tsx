import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { useInterventions, useMunicipalities } from '../features/catalogue/hooks/useCatalogue.ts';
import type { StatementParams } from '../features/settlement/api/settlementApi.ts';
import { SettledPeriods } from '../features/settlement/components/SettledPeriods.tsx';
import { StatementForm } from '../features/settlement/components/StatementForm.tsx';
import { StatementView } from '../features/settlement/components/StatementView.tsx';
import { TariffSection } from '../features/settlement/components/TariffSection.tsx';
import { useSettlements, useStatement, useTariffs } from '../features/settlement/hooks/useSettlement.ts';
import { yearBefore } from '../features/settlement/utils/format.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';
import { useFieldErrors } from '../ui/hooks/useFieldErrors.ts';
import { danishToday } from '../ui/utils/danishToday.ts';

/** "Afregning": the steering group's statements, the settled periods and the tariffs. */
export function SettlementPage() {
  const { t } = useTranslation('settlement');
  const { language } = useLanguage();
  const { role } = useActiveRole();
  const today = danishToday();
  const [params, setParams] = useState<StatementParams>({ from: yearBefore(today), to: today, mode: 'cost_neutral' });
  const statement = useStatement(params);
  const settlements = useSettlements();
  const tariffs = useTariffs();
  const interventions = useInterventions();
  const municipalities = useMunicipalities();
  const fieldErrors = useFieldErrors(statement.error);
  const coordinator = role === 'coordinator';
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Stack gap="xl">
        <StatementForm initial={params} onShow={setParams} fieldErrors={fieldErrors} />
        {Object.keys(fieldErrors).length > 0 ? null : <QueryState query={statement}>{(data) => <StatementView statement={data} />}</QueryState>}
        <Section title={t('settled.title')} defaultOpen={false}>
          <QueryState query={settlements}>{(data) => <SettledPeriods settlements={data.settlements} />}</QueryState>
        </Section>
        <Section title={t('tariffs.title')} description={t('tariffs.intro')}>
          <QueryState query={tariffs}>
            {(data) => (
              <TariffSection
                tariffs={data.tariffs}
                canEdit={coordinator}
                today={today}
                municipalities={(municipalities.data ?? []).filter((m) => m.isMember).map((m) => ({ value: m.code, label: m.name }))}
                interventions={(interventions.data ?? []).map((i) => ({ value: i.code, label: language === 'en' ? i.nameEn : i.nameDa }))}
              />
            )}
          </QueryState>
        </Section>
      </Stack>
    </>
  );
}
