import { Alert, Anchor, Button, Fieldset, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { questionnaireStates, type ClosingOverview } from '@samkraft/contracts/closings';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { GoalStatusFields } from '../../plans/components/GoalStatusFields.tsx';
import { toGoalStatusUpdates, type GoalStatusForm } from '../../plans/utils/goalStatusForm.ts';
import { useSaveConversation } from '../hooks/useClosing.ts';
import { conversationBody, conversationForm, type ConversationForm } from '../utils/conversationForm.ts';

type Props = { courseId: string; data: ClosingOverview };

const SCALE = ['1', '2', '3', '4', '5'] as const;
type Scale = (typeof SCALE)[number];

/** The closing conversation with the citizen's questionnaire and the linked end assessment. */
export function ClosingConversationForm({ courseId, data }: Props) {
  const { t } = useTranslation('closings');
  const { language } = useLanguage();
  const mutation = useSaveConversation(courseId);
  const errors = useFieldErrors(mutation.error);
  const [form, setForm] = useState<ConversationForm>(() => conversationForm(data.conversation, danishToday(), data.endAssessments[0]?.id ?? null));
  const set = <K extends keyof ConversationForm>(k: K, v: ConversationForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const [goals, setGoals] = useState<GoalStatusForm>({});
  const locked = data.note?.sentOn != null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ ...conversationBody(form), goals: toGoalStatusUpdates(goals) }, { onSuccess: () => setGoals({}) });
  };
  const answered = form.questionnaire === 'answered';
  const sent = data.conversation?.citizenQuestionnaire ?? null;
  const byCitizen = sent?.state === 'answered' ? data.conversation : null;
  const day = (iso: string) => formatDate(danishDateOf(iso), language);
  return (
    <form onSubmit={submit} noValidate aria-label={t('conversationTitle')}>
      <Stack gap="md">
      <TextInput type="date" label={t('heldOn')} value={form.heldOn} max={danishToday()} onChange={(e) => set('heldOn', e.currentTarget.value)} error={errors.heldOn} withAsterisk readOnly={locked} w={220} />
      <Textarea label={t('evaluation')} description={t('evaluationHint')} value={form.evaluation} onChange={(e) => set('evaluation', e.currentTarget.value)} error={errors.evaluation} withAsterisk autosize minRows={3} readOnly={locked} />
      <Textarea label={t('citizenExperience')} value={form.citizenExperience} onChange={(e) => set('citizenExperience', e.currentTarget.value)} error={errors.citizenExperience} autosize minRows={2} readOnly={locked} />
      <Textarea label={t('planOnward')} description={t('planOnwardHint')} value={form.planOnward} onChange={(e) => set('planOnward', e.currentTarget.value)} error={errors.planOnward} autosize minRows={2} readOnly={locked} />

      <GoalStatusFields courseId={courseId} value={goals} onChange={setGoals} errors={errors} disabled={locked} />

      <Fieldset legend={t('questionnaireTitle')} disabled={locked}>
        <Stack gap="md">
          <Text size="sm">{t('questionnaireIntro')}</Text>
          {byCitizen && sent ? (
            <div role="group" aria-labelledby="citizen-answers-title">
              <Text fw={600} id="citizen-answers-title">
                {t('citizenAnsweredTitle')}
              </Text>
              <Text size="sm">{t('citizenAnswered', { date: day(sent.answeredAt ?? sent.requestedAt) })}</Text>
              <Stack component="dl" gap={4} mt="xs" mb={0}>
                <Text component="dt" size="sm" fw={600}>
                  {t('satisfaction')}
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {byCitizen.satisfaction === null ? t('noAnswer') : t(`satisfactionLabels.${String(byCitizen.satisfaction) as Scale}`)}
                </Text>
                <Text component="dt" size="sm" fw={600} mt="xs">
                  {t('benefit')}
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {byCitizen.benefit === null ? t('noAnswer') : t(`benefitLabels.${String(byCitizen.benefit) as Scale}`)}
                </Text>
              </Stack>
              {errors.questionnaire ? (
                <Text size="sm" c="red.8" role="alert">
                  {errors.questionnaire}
                </Text>
              ) : null}
            </div>
          ) : (
            <Radio.Group label={t('questionnaire')} value={form.questionnaire} onChange={(v) => set('questionnaire', v)} error={errors.questionnaire} withAsterisk>
              <Stack gap={6} mt="xs">
                {questionnaireStates.map((s) => (
                  <Radio key={s} value={s} label={t(`questionnaireStates.${s}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {sent && !byCitizen && form.questionnaire === 'citizen' ? (
            <Text size="sm" role="status">
              {sent.state === 'open' ? t('citizenOpen', { date: day(sent.requestedAt), due: formatDate(sent.dueOn, language) }) : t('citizenExpired', { due: formatDate(sent.dueOn, language) })}
            </Text>
          ) : null}
          {data.conversation?.answerSource === 'staff' && data.conversation.questionnaire === 'answered' && answered ? <Text size="sm">{t('enteredByStaff')}</Text> : null}
          {answered ? (
            <>
              <Radio.Group label={t('satisfaction')} value={form.satisfaction} onChange={(v) => set('satisfaction', v)} error={errors.satisfaction} withAsterisk>
                <Stack gap={6} mt="xs">
                  {SCALE.map((v) => (
                    <Radio key={v} value={v} label={t(`satisfactionLabels.${v}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Radio.Group label={t('benefit')} value={form.benefit} onChange={(v) => set('benefit', v)} error={errors.benefit} withAsterisk>
                <Stack gap={6} mt="xs">
                  {SCALE.map((v) => (
                    <Radio key={v} value={v} label={t(`benefitLabels.${v}`)} />
                  ))}
                </Stack>
              </Radio.Group>
            </>
          ) : null}
        </Stack>
      </Fieldset>

      <Fieldset legend={t('endAssessmentTitle')} disabled={locked}>
        {data.endAssessments.length > 0 ? (
          <NativeSelect
            label={t('endAssessment')}
            value={form.endAssessmentId}
            error={errors.endAssessmentId}
            onChange={(e) => set('endAssessmentId', e.currentTarget.value)}
            data={[
              { value: '', label: t('endAssessmentNone') },
              ...data.endAssessments.map((a) => ({
                value: a.id,
                label: t('endAssessmentOption', { date: formatDate(a.assessedOn, language) }) + (a.scaleScore === null ? '' : t('endAssessmentScore', { score: a.scaleScore })),
              })),
            ]}
          />
        ) : (
          <Text size="sm">{t('noEndAssessment')}</Text>
        )}
        {locked ? null : (
          <Anchor href={`/forloeb/${courseId}/behovsvurdering`} size="sm" mt="xs" display="inline-block">
            {t('recordEndAssessment')} →
          </Anchor>
        )}
      </Fieldset>

      {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
      {mutation.isSuccess ? (
        <Alert color="green" variant="light" role="status" p="xs" styles={{ message: { color: '#1a1a1a' } }}>
          {t('saved')}
        </Alert>
      ) : null}
      {data.conversation?.recordedBy ? <Text size="sm">{t('conversationRecorded', { name: data.conversation.recordedBy })}</Text> : null}
      {locked ? null : (
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('saveConversation')}
          </Button>
        </Group>
      )}
      </Stack>
    </form>
  );
}
