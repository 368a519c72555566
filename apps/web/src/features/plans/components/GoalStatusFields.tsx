import { Fieldset, NativeSelect, Stack, Text } from '@mantine/core';
import { goalStatuses } from '@samkraft/contracts/plans';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { usePlanOverview } from '../hooks/usePlans.ts';
import type { GoalStatusForm } from '../utils/goalStatusForm.ts';
import { oneOf } from '@samkraft/contracts/common';

export type GoalStatusFieldsProps = {
  courseId: string;
  value: GoalStatusForm;
  onChange: (next: GoalStatusForm) => void;
  /** The server's field errors (`goals[0].goalId` …). */
  errors: Record<string, string>;
  disabled?: boolean;
};

/**
 * Each goal of the current action plan, judged at a follow-up or the closing conversation; shows
 * the latest status beside it. Nothing when the course has no plan.
 */
export function GoalStatusFields({ courseId, value, onChange, errors, disabled }: GoalStatusFieldsProps) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const plan = usePlanOverview(courseId).data?.current ?? null;
  if (!plan || plan.goals.length === 0) return null;
  const goalError = Object.entries(errors).find(([field]) => field.startsWith('goals'))?.[1];
  return (
    <Fieldset legend={t('goalStatusTitle')} disabled={disabled}>
      <Stack gap="sm">
        <Text size="sm">{t('goalStatusIntro')}</Text>
        {plan.goals.map((g) => (
          <NativeSelect
            key={g.id}
            label={`${g.ordinal}. ${g.description}`}
            description={t('goalStatusLatest', {
              status: `${t(`statuses.${g.status}`)}${g.statusRecordedOn ? ` (${formatDate(g.statusRecordedOn, language)})` : ''}`,
            })}
            value={value[g.id] ?? ''}
            onChange={(e) => onChange({ ...value, [g.id]: oneOf(['', ...goalStatuses], e.currentTarget.value) })}
            data={[{ value: '', label: t('goalStatusUnchanged') }, ...goalStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
          />
        ))}
        {goalError ? (
          <Text size="sm" c="red.8" role="alert">
            {goalError}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
