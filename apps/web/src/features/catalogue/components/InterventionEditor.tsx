import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { interventionCategories, type InterventionDetail, interventionForms } from '@samkraft/contracts/catalogue';
import { legalBases, treatmentStatuses } from '@samkraft/contracts/referrals';
import { oneOf, professions, sexes } from '@samkraft/contracts/common';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useCreateIntervention, useSaveIntervention } from '../hooks/useInterventionEditing.ts';
import { DoseEditor } from './DoseEditor.tsx';
import { emptyDoseRow, errorOf, type InterventionFormState, toBody, toFormState } from '../utils/interventionForm.ts';
import { DecimalInput } from '../../../ui/DecimalInput.tsx';
import { teamModes } from '@samkraft/contracts/teams';

export type InterventionEditorProps = {
  /** The intervention to edit; null creates a new one under a code the administrator chooses. */
  item: InterventionDetail | null;
  onSaved: (saved: InterventionDetail) => void;
  onCancel?: () => void;
};

const num = (v: string | number): number | '' => (v === '' ? '' : Number(v));

/** The administrator's form for an intervention: names, target rules, form and team type, dose parts, bases. */
export function InterventionEditor({ item, onSaved, onCancel }: InterventionEditorProps) {
  const { t } = useTranslation('catalogue');
  const { t: tc } = useTranslation();
  const headingId = useId();
  const create = useCreateIntervention();
  const save = useSaveIntervention();
  const mutation = item === null ? create : save;
  const errors = useFieldErrors(mutation.error);
  const [v, setV] = useState<InterventionFormState>(() => toFormState(item));
  const set = <K extends keyof InterventionFormState>(k: K, value: InterventionFormState[K]) => setV((s) => ({ ...s, [k]: value }));
  const err = (field: string) => errorOf(errors, field);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = toBody(v);
    if (item === null) create.mutate({ ...body, code: v.code.trim() }, { onSuccess: onSaved });
    else save.mutate({ code: item.code, body }, { onSuccess: onSaved });
  };

  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>
            {item === null ? t('editor.newTitle') : t('editor.editTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {item === null ? (
              <TextInput label={t('editor.code')} description={t('editor.codeHint')} value={v.code} onChange={(e) => set('code', e.currentTarget.value)} error={err('code')} required />
            ) : null}
            <TextInput label={t('editor.nameDa')} value={v.nameDa} onChange={(e) => set('nameDa', e.currentTarget.value)} error={err('nameDa')} required />
            <TextInput label={t('editor.nameEn')} value={v.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} error={err('nameEn')} required />
            <NativeSelect
              label={t('details.category')}
              value={v.category}
              onChange={(e) => set('category', oneOf(interventionCategories, e.currentTarget.value))}
              data={interventionCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
              error={err('category')}
            />
            <NativeSelect
              label={t('details.form')}
              value={v.form}
              onChange={(e) => set('form', oneOf(interventionForms, e.currentTarget.value))}
              data={interventionForms.map((f) => ({ value: f, label: t(`form.${f}`) }))}
              error={err('form')}
            />
            <NativeSelect
              label={t('details.teamMode')}
              value={v.teamMode}
              onChange={(e) => set('teamMode', oneOf(['', ...teamModes], e.currentTarget.value))}
              data={[{ value: '', label: t('editor.noTeamMode') }, { value: 'rolling', label: t('teamMode.rolling') }, { value: 'cohort', label: t('teamMode.cohort') }]}
              error={err('teamMode')}
            />
            <DecimalInput
              label={t('editor.followUpWeeks')}
              description={t('editor.followUpHint')}
              min={1}
              max={104}
              value={v.cohortFollowUpWeeks}
              onChange={(n) => set('cohortFollowUpWeeks', num(n))}
              disabled={v.teamMode !== 'cohort'}
              error={err('cohortFollowUpWeeks')}
            />
          </SimpleGrid>
          <Checkbox label={t('editor.active')} checked={v.active} onChange={(e) => set('active', e.currentTarget.checked)} />

          <Fieldset legend={t('editor.target')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <NativeSelect
                label={t('details.targetSex')}
                value={v.targetSex}
                onChange={(e) => set('targetSex', oneOf(['', ...sexes], e.currentTarget.value))}
                data={[{ value: '', label: t('editor.anySex') }, { value: 'F', label: t('sex.F') }, { value: 'M', label: t('sex.M') }]}
                error={err('targetSex')}
              />
              <DecimalInput label={t('editor.minAge')} min={0} max={130} value={v.targetMinAge} onChange={(n) => set('targetMinAge', num(n))} error={err('targetMinAge')} />
              <DecimalInput label={t('editor.maxAge')} min={0} max={130} value={v.targetMaxAge} onChange={(n) => set('targetMaxAge', num(n))} error={err('targetMaxAge')} />
            </SimpleGrid>
            <TextInput mt="md" label={t('editor.diagnoses')} description={t('editor.diagnosesHint')} value={v.targetDiagnoses} onChange={(e) => set('targetDiagnoses', e.currentTarget.value)} error={err('targetDiagnoses')} />
            <Checkbox.Group mt="md" label={t('details.treatment')} description={t('editor.treatmentHint')} value={v.targetTreatment} onChange={(x) => set('targetTreatment', x)} error={err('targetTreatment')}>
              <Group gap="md" mt="xs">
                {treatmentStatuses.map((s) => (
                  <Checkbox key={s} value={s} label={t(`treatment.${s}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <TextInput mt="md" label={t('editor.targetText')} value={v.targetTextDa} onChange={(e) => set('targetTextDa', e.currentTarget.value)} error={err('targetTextDa')} />
          </Fieldset>

          <DoseEditor rows={v.dose} onChange={(dose) => set('dose', dose)} errors={errors} onAdd={() => set('dose', [...v.dose, emptyDoseRow])} />

          <Fieldset legend={t('editor.other')}>
            <Checkbox.Group label={t('details.legalBases')} value={v.legalBases} onChange={(x) => set('legalBases', x)} error={err('legalBases')} withAsterisk>
              <Group gap="md" mt="xs">
                {legalBases.map((b) => (
                  <Checkbox key={b} value={b} label={t(`legalBasis.${b}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Checkbox.Group mt="md" label={t('details.professions')} value={v.professions} onChange={(x) => set('professions', x)} error={err('professions')}>
              <Group gap="md" mt="xs">
                {professions.map((p) => (
                  <Checkbox key={p} value={p} label={tc(`professions.${p}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid mt="md" cols={{ base: 1, sm: 2 }} spacing="md">
              <DecimalInput label={t('editor.expectedPerYear')} min={0} value={v.expectedPerYear} onChange={(n) => set('expectedPerYear', num(n))} error={err('expectedPerYear')} />
              <Stack gap="xs" justify="flex-end">
                <Checkbox label={t('editor.mixedDiagnoses')} checked={v.mixedDiagnoses} onChange={(e) => set('mixedDiagnoses', e.currentTarget.checked)} />
                <Checkbox label={t('editor.crossMunicipal')} checked={v.crossMunicipal} onChange={(e) => set('crossMunicipal', e.currentTarget.checked)} />
              </Stack>
            </SimpleGrid>
            <Textarea mt="md" autosize minRows={2} label={t('editor.description')} value={v.descriptionDa} onChange={(e) => set('descriptionDa', e.currentTarget.value)} error={err('descriptionDa')} />
            <Textarea mt="md" autosize minRows={2} label={t('editor.purpose')} value={v.purposeDa} onChange={(e) => set('purposeDa', e.currentTarget.value)} error={err('purposeDa')} />
          </Fieldset>

          {mutation.error && Object.keys(errors).length > 0 ? (
            <Alert color="red" role="alert">
              {t('editor.fixErrors')}
            </Alert>
          ) : null}
          {mutation.error && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {item === null ? t('editor.create') : t('editor.save')}
            </Button>
            {onCancel ? (
              <Button variant="default" onClick={onCancel}>
                {t('cancel')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
