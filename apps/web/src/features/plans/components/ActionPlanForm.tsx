import { ActionIcon, Alert, Button, Fieldset, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { type ActionPlan, goalStatuses } from '@samkraft/contracts/plans';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import { useCreatePlanVersion } from '../hooks/usePlans.ts';
import { emptyPlanForm, planFormFrom, toPlanBody, type PlanFormValues } from '../utils/planForm.ts';
import { oneOf } from '@samkraft/contracts/common';

export type ActionPlanFormProps = {
  courseId: string;
  current: ActionPlan | null;
  onDone: () => void;
  /** A new plan's difficulties and needs as drafted from the needs assessment (edited before saving). */
  draftedDifficulties?: string | null;
};

/** The plan with every field of note §8.9; with a current plan it saves a revision. */
export function ActionPlanForm({ courseId, current, onDone, draftedDifficulties }: ActionPlanFormProps) {
  const { t } = useTranslation('plans');
  const today = danishToday();
  const [v, setV] = useState<PlanFormValues>(() => (current ? planFormFrom(current, today) : { ...emptyPlanForm(today), difficultiesAndNeeds: draftedDifficulties ?? '' }));
  const mutation = useCreatePlanVersion(courseId);
  const errors = useFieldErrors(mutation.error);
  const revision = current !== null;
  const set = <K extends keyof PlanFormValues>(key: K, value: PlanFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const text = (key: 'difficultiesAndNeeds' | 'purposeAndContent' | 'location' | 'otherAdministrations' | 'returnToWork' | 'evaluationBy' | 'revisionReason') => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: errors[key],
  });
  const date = (key: 'agreedOn' | 'evaluationOn' | 'firstFollowUpOn') => ({
    type: 'date',
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: errors[key],
    withAsterisk: true,
    maw: 220,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(toPlanBody(v, revision), { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={revision ? t('reviseTitle', { version: (current?.version ?? 0) + 1 }) : t('newTitle')}>
      <Stack gap="md">
        {revision ? <Textarea label={t('revisionReason')} withAsterisk autosize minRows={2} {...text('revisionReason')} /> : null}
        <TextInput label={t('agreedOn')} {...date('agreedOn')} />
        <Textarea label={t('difficultiesAndNeeds')} withAsterisk autosize minRows={3} {...text('difficultiesAndNeeds')} />
        <Textarea label={t('purposeAndContent')} withAsterisk autosize minRows={3} {...text('purposeAndContent')} />
        <TextInput label={t('location')} withAsterisk {...text('location')} />
        <Fieldset legend={t('responsibilitiesTitle')}>
          <Stack gap="xs">
            {errors.responsibilities ? <Alert color="red" variant="light" p="xs">{errors.responsibilities}</Alert> : null}
            {v.responsibilities.map((r, i) => (
              <Group key={i} align="flex-end" wrap="wrap">
                <TextInput
                  label={t('partN', { n: i + 1 })}
                  value={r.part}
                  error={errors[`responsibilities[${i}].part`]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    set('responsibilities', v.responsibilities.map((x, j) => (j === i ? { ...x, part: value } : x)));
                  }}
                  style={{ flex: 1, minWidth: 220 }}
                />
                <TextInput
                  label={t('responsibleN', { n: i + 1 })}
                  value={r.responsible}
                  error={errors[`responsibilities[${i}].responsible`]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    set('responsibilities', v.responsibilities.map((x, j) => (j === i ? { ...x, responsible: value } : x)));
                  }}
                  style={{ flex: 1, minWidth: 220 }}
                />
                <Button variant="subtle" color="red" aria-label={t('removeResponsibility', { n: i + 1 })} disabled={v.responsibilities.length === 1} onClick={() => set('responsibilities', v.responsibilities.filter((_, j) => j !== i))}>
                  ✕
                </Button>
              </Group>
            ))}
            <Group>
              <Button variant="light" onClick={() => set('responsibilities', [...v.responsibilities, { part: '', responsible: '' }])}>
                {t('addResponsibility')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Textarea label={t('otherAdministrations')} description={t('otherAdministrationsHint')} withAsterisk autosize minRows={2} {...text('otherAdministrations')} />
        <Textarea label={t('returnToWork')} autosize minRows={2} {...text('returnToWork')} />
        <Group align="flex-start">
          <TextInput label={t('evaluationOn')} {...date('evaluationOn')} />
          <TextInput label={t('evaluationBy')} withAsterisk {...text('evaluationBy')} style={{ flex: 1, minWidth: 240 }} />
        </Group>
        <TextInput label={t('firstFollowUpOn')} description={revision ? undefined : t('firstFollowUpHint')} {...date('firstFollowUpOn')} />
        <Fieldset legend={t('goalsTitle')}>
          <Stack gap="xs">
            {errors.goals ? <Alert color="red" variant="light" p="xs">{errors.goals}</Alert> : null}
            {v.goals.map((g, i) => {
              const update = (patch: Partial<PlanFormValues['goals'][number]>) => set('goals', v.goals.map((x, j) => (j === i ? { ...x, ...patch } : x)));
              return (
                <Group key={i} align="flex-end" wrap="wrap">
                  <TextInput label={t('goalN', { n: i + 1 })} value={g.description} error={errors[`goals[${i}].description`]} onChange={(e) => update({ description: e.currentTarget.value })} style={{ flex: 2, minWidth: 240 }} />
                  <TextInput type="date" label={t('targetOnN', { n: i + 1 })} value={g.targetOn} error={errors[`goals[${i}].targetOn`]} onChange={(e) => update({ targetOn: e.currentTarget.value })} />
                  <NativeSelect
                    label={t('statusN', { n: i + 1 })}
                    value={g.status}
                    data={goalStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
                    onChange={(e) => update({ status: oneOf(goalStatuses, e.currentTarget.value) })}
                  />
                  <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('removeGoal', { n: i + 1 })} disabled={v.goals.length === 1} onClick={() => set('goals', v.goals.filter((_, j) => j !== i))}>
                    ✕
                  </ActionIcon>
                </Group>
              );
            })}
            <Group>
              <Button variant="light" onClick={() => set('goals', [...v.goals, { description: '', targetOn: '', status: 'open' }])}>
                {t('addGoal')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {revision ? t('saveRevision') : t('save')}
          </Button>
          {revision ? (
            <Button variant="default" onClick={onDone}>
              {t('cancel')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
