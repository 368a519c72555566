import { Alert, Button, Checkbox, Fieldset, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { AssessmentItemList, AssessmentOccasion } from '@samkraft/contracts/assessments';
import type { NeedsAssessmentDraft } from '@samkraft/contracts/preparation-forms';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useCreateNeedsAssessment } from '../hooks/useNeedsAssessments.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';

/** `draft`: the citizen's submitted preparation form, to start the initial assessment from (the professional reviews and completes it). */
export type NeedsAssessmentFormProps = { courseId: string; items: AssessmentItemList; hasInitial: boolean; draft?: NeedsAssessmentDraft | null };

const scale = Array.from({ length: 11 }, (_, i) => String(i));

export function NeedsAssessmentForm({ courseId, items, hasInitial, draft }: NeedsAssessmentFormProps) {
  const { t } = useTranslation('assessments');
  const { language } = useLanguage();
  const mutation = useCreateNeedsAssessment(courseId);
  const [occasion, setOccasion] = useState<AssessmentOccasion>(hasInitial ? 'change' : 'initial');
  const [assessedOn, setAssessedOn] = useState(danishToday());
  const [score, setScore] = useState<string>(draft?.scaleScore != null ? String(draft.scaleScore) : '');
  const [ticked, setTicked] = useState<Record<string, string>>(() => Object.fromEntries((draft?.problems ?? []).map((p) => [p.itemCode, ''])));
  const [whatMattersMost, setWhatMattersMost] = useState(draft?.whatMattersMost ?? '');
  const [professionalAssessment, setProfessionalAssessment] = useState('');
  const errors = useFieldErrors(mutation.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(
      {
        occasion,
        assessedOn,
        scaleScore: score === '' ? -1 : Number(score),
        problems: Object.entries(ticked).map(([itemCode, note]) => ({ itemCode, note: note.trim() || null })),
        whatMattersMost,
        professionalAssessment,
      },
      {
        onSuccess: () => {
          setTicked({});
          setScore('');
          setWhatMattersMost('');
          setProfessionalAssessment('');
          setOccasion('change');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('newTitle')}>
      <Stack gap="md">
        {draft && !hasInitial ? (
          <Alert color="blue" variant="light" styles={{ message: { color: '#1a1a1a' } }}>
            {t('preparation.draftAlert')}
          </Alert>
        ) : null}
        <Radio.Group label={t('occasion')} value={occasion} onChange={(v) => setOccasion(v)} error={errors.occasion} withAsterisk>
          <Group mt="xs">
            {(['initial', 'change', 'end'] as const).map((o) => (
              <Radio key={o} value={o} label={t(`occasions.${o}`)} disabled={o === 'initial' && hasInitial} />
            ))}
          </Group>
        </Radio.Group>
        {hasInitial ? <Text size="sm">{t('initialDone')}</Text> : null}
        <TextInput type="date" label={t('assessedOn')} value={assessedOn} max={danishToday()} onChange={(e) => setAssessedOn(e.currentTarget.value)} error={errors.assessedOn} withAsterisk maw={220} />
        <Radio.Group label={t('scale')} value={score} onChange={setScore} error={errors.scaleScore} withAsterisk>
          <Group mt="xs" gap="sm">
            {scale.map((s) => (
              <Radio key={s} value={s} label={s} />
            ))}
          </Group>
        </Radio.Group>
        <Stack gap="xs">
          <Text fw={600}>{t('problemsTitle')}</Text>
          <Text size="sm">{t('problemsIntro')}</Text>
          {items.areas.map((area) => (
            <Fieldset key={area.area} legend={t(`areas.${area.area}`)}>
              <Stack gap={6}>
                {area.items.map((item) => {
                  const label = language === 'en' ? item.labelEn : item.labelDa;
                  const on = item.code in ticked;
                  return (
                    <Stack key={item.code} gap={4}>
                      <Checkbox
                        label={label}
                        checked={on}
                        onChange={(e) => {
                          const checked = e.currentTarget.checked;
                          setTicked((prev) => {
                            const next = { ...prev };
                            if (checked) next[item.code] = '';
                            else delete next[item.code];
                            return next;
                          });
                        }}
                      />
                      {on ? (
                        <TextInput
                          ml="xl"
                          size="xs"
                          label={t('noteFor', { item: label })}
                          value={ticked[item.code] ?? ''}
                          onChange={(e) => {
                            const v = e.currentTarget.value;
                            setTicked((prev) => ({ ...prev, [item.code]: v }));
                          }}
                        />
                      ) : null}
                    </Stack>
                  );
                })}
              </Stack>
            </Fieldset>
          ))}
        </Stack>
        <Textarea label={t('whatMattersMost')} value={whatMattersMost} onChange={(e) => setWhatMattersMost(e.currentTarget.value)} error={errors.whatMattersMost} withAsterisk autosize minRows={2} />
        <Textarea
          label={t('professionalAssessment')}
          value={professionalAssessment}
          onChange={(e) => setProfessionalAssessment(e.currentTarget.value)}
          error={errors.professionalAssessment}
          withAsterisk
          autosize
          minRows={3}
        />
        {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
        {mutation.isSuccess ? (
          <Alert color="green" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
            {t('saved')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
