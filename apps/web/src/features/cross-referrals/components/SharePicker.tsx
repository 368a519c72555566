import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { sharablePlanFields, type CourseCrossReferrals } from '@samkraft/contracts/cross-referrals';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import type { Share } from '../api/crossReferralsApi.ts';

export type SharePickerProps = {
  options: CourseCrossReferrals['shareOptions'];
  value: Share;
  onChange: (share: Share) => void;
  errors: Record<string, string>;
};

/**
 * The parts of the current action plan and the latest needs assessment, and the diagnosis, to
 * share — for a referral and for an update. Nothing is shared unless ticked.
 */
export function SharePicker({ options, value, onChange, errors }: SharePickerProps) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  return (
    <Stack gap="xs">
      {options.diagnosis ? (
        <Checkbox
          label={t('shareDiagnosis', { code: options.diagnosis.code, title: options.diagnosis.title })}
          checked={value.diagnosis ?? false}
          onChange={(e) => onChange({ ...value, diagnosis: e.currentTarget.checked })}
          error={errors['share.diagnosis']}
        />
      ) : (
        <Text>{t('noDiagnosis')}</Text>
      )}
      {options.plan ? (
        <Checkbox.Group
          label={t('planFieldsLabel', { version: options.plan.version })}
          value={value.planFields}
          onChange={(v) => onChange({ ...value, planFields: v })}
          error={errors['share.planFields']}
        >
          <Group mt="xs" gap="md">
            {sharablePlanFields.map((f) => (
              <Checkbox key={f} value={f} label={t(`planFields.${f}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      ) : (
        <Text>{t('noPlan')}</Text>
      )}
      {options.assessment ? (
        <Checkbox.Group
          label={t('assessmentLabel', { date: formatDate(options.assessment.assessedOn, language) })}
          value={value.assessmentItems}
          onChange={(v) => onChange({ ...value, assessmentItems: v })}
          error={errors['share.assessmentItems']}
        >
          <Group mt="xs" gap="md">
            {options.assessment.problems.map((p) => (
              <Checkbox key={p.itemCode} value={p.itemCode} label={p.label} />
            ))}
          </Group>
        </Checkbox.Group>
      ) : (
        <Text>{t('noAssessment')}</Text>
      )}
    </Stack>
  );
}
