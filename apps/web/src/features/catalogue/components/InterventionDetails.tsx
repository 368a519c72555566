import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { InterventionDetail } from '@samkraft/contracts/catalogue';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { Section } from '../../../ui/Section.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDose } from '../utils/formatDose.ts';

/** The intervention's rules as every staff member reads them: target group, form, team type, dose, bases. */
export function InterventionDetails({ item }: { item: InterventionDetail }) {
  const { t } = useTranslation('catalogue');
  const { t: tc } = useTranslation();
  const { language } = useLanguage();
  const any = t('details.any');
  const { targetMinAge: min, targetMaxAge: max } = item;
  const age =
    min === null && max === null ? any : min === null ? t('details.ageTo', { max }) : max === null ? t('details.ageFrom', { min }) : t('details.ageRange', { min, max });
  const rows: [string, string][] = [
    [t('details.category'), t(`category.${item.category}`)],
    [t('details.form'), t(`form.${item.form}`)],
    [t('details.teamMode'), item.teamMode ? t(`teamMode.${item.teamMode}`) : '–'],
    [t('details.followUp'), item.cohortFollowUpWeeks === null ? '–' : t('details.followUpWeeks', { count: item.cohortFollowUpWeeks })],
    [t('details.targetSex'), item.targetSex ? t(`sex.${item.targetSex}`) : any],
    [t('details.age'), age],
    [t('details.diagnoses'), item.targetDiagnoses ? item.targetDiagnoses.join(', ') : any],
    [t('details.treatment'), item.targetTreatment ? item.targetTreatment.map((s) => t(`treatment.${s}`)).join(', ') : any],
    [t('details.legalBases'), item.legalBases.map((b) => t(`legalBasis.${b}`)).join(', ')],
    [t('details.professions'), item.professions.length > 0 ? item.professions.map((p) => tc(`professions.${p}`)).join(', ') : '–'],
    [t('editor.dose'), item.dose.length > 0 ? formatDose(item.dose, language).join('; ') : t('editor.noDose')],
  ];
  return (
    <Section title={t('details.title')}>
      <Stack gap="xs">
        {item.active ? null : (
          <div>
            <Tag tone="gray">{t('retired')}</Tag>
          </div>
        )}
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" m={0}>
          {rows.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" fw={600}>
                {label}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Stack>
    </Section>
  );
}
