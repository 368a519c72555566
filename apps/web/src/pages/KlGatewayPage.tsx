import { Stack, Text } from '@mantine/core';
import { klConditionCodes, klMappableInterventionCodes } from '@samkraft/contracts/kl-gateway-codes';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { useSession } from '../features/auth/hooks/sessionQuery.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { KlCodeTable } from '../features/kl-gateway/components/KlCodeTable.tsx';
import { KlExportForm, KlLatestExport } from '../features/kl-gateway/components/KlExportSection.tsx';
import { KlExportTable } from '../features/kl-gateway/components/KlExportTable.tsx';
import { KlSorTable } from '../features/kl-gateway/components/KlSorTable.tsx';
import { useKlExports, useKlMapping, useSaveKlAssessmentItem, useSaveKlIntervention } from '../features/kl-gateway/hooks/useKlGateway.ts';
import { danishToday } from '../ui/utils/danishToday.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

/** The KL Gateway reports: make a delivery, earlier deliveries, the SOR codes and the FSIII mapping. */
export function KlGatewayPage() {
  const { t } = useTranslation('klGateway');
  const { language } = useLanguage();
  const session = useSession();
  const { role } = useActiveRole();
  const municipality = session.user.municipality.code;
  const exports = useKlExports(municipality);
  const mapping = useKlMapping();
  const admin = role === 'administrator';
  const names = new Map((mapping.data?.municipalities ?? []).map((m) => [m.code, m.name]));
  const lead = role === 'municipal_lead';
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Stack gap="xl">
        <QueryState query={exports}>
          {(data) => (
            <>
              <KlExportForm municipality={municipality} today={danishToday()} exports={data.exports} />
              {data.exports[0] ? (
                <Section title={t('latest.title')}>
                  <KlLatestExport summary={data.exports[0]} municipalityName={(code) => names.get(code) ?? code} />
                </Section>
              ) : null}
              <Section title={t('list.title')}>
                <KlExportTable exports={data.exports} />
              </Section>
            </>
          )}
        </QueryState>
        <QueryState query={mapping}>
          {(data) => (
            <>
              <Section title={t('sor.title')} description={t('sor.intro')} defaultOpen={false}>
                <KlSorTable municipalities={data.municipalities} canEdit={(code) => admin || (lead && code === municipality)} />
              </Section>
              <Section title={t('interventions.title')} description={t('interventions.intro')} defaultOpen={false}>
                {admin ? null : <Text size="sm">{t('codes.adminOnly')}</Text>}
                <KlCodeTable
                  rows={data.interventions.filter((i) => i.active).map((i) => ({ code: i.code, name: language === 'en' ? i.nameEn : i.nameDa, fsiii: i.fsiii }))}
                  nameHeader={t('interventions.columns.name')}
                  options={klMappableInterventionCodes}
                  useSave={useSaveKlIntervention}
                  canEdit={admin}
                />
              </Section>
              <Section title={t('items.title')} description={t('items.intro')} defaultOpen={false}>
                {admin ? null : <Text size="sm">{t('codes.adminOnly')}</Text>}
                <KlCodeTable
                  rows={data.assessmentItems.filter((i) => i.active).map((i) => ({ code: i.code, name: language === 'en' ? i.labelEn : i.labelDa, fsiii: i.fsiii }))}
                  nameHeader={t('items.columns.name')}
                  options={(basis) => klConditionCodes[basis]}
                  useSave={useSaveKlAssessmentItem}
                  canEdit={admin}
                />
              </Section>
            </>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
