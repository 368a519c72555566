import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert, QueryState } from '../../../ui/QueryState.tsx';
import { RouterButton } from '../../../ui/RouterLink.tsx';
import { Section } from '../../../ui/Section.tsx';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useCoursePreparationForm, useRemindPreparationForm, useSendPreparationForm } from '../hooks/useCoursePreparationForm.ts';

export type PreparationFormSectionProps = { courseId: string; canWrite: boolean };

/**
 * The preparation form on the citizen's own page (issue 13.3): send it, see whether the citizen
 * has opened and answered it, remind, and go to the draft needs assessment once answered.
 */
export function PreparationFormSection({ courseId, canWrite }: PreparationFormSectionProps) {
  const { t } = useTranslation('assessments');
  const { language } = useLanguage();
  const query = useCoursePreparationForm(courseId);
  const send = useSendPreparationForm(courseId);
  const remind = useRemindPreparationForm(courseId);
  const day = (iso: string) => formatDate(danishDateOf(iso), language);
  return (
    // Folded away when there is nothing to do: no form sent, and none can be (the needs assessment is made).
    <Section title={t('preparation.title')} description={t('preparation.intro')} defaultOpen={!(query.data && !query.data.form && query.data.cannotSend)}>
      <QueryState query={query}>
        {({ form, draft, cannotSend }) => (
          <Stack gap="sm">
            {form ? (
              <List size="sm" spacing={4} aria-label={t('preparation.title')}>
                <List.Item>{form.sentBy ? t('preparation.sentBy', { date: day(form.sentAt), name: form.sentBy }) : t('preparation.sent', { date: day(form.sentAt) })}</List.Item>
                <List.Item>{form.openedAt ? t('preparation.opened', { date: day(form.openedAt) }) : t('preparation.notOpened')}</List.Item>
                <List.Item>{form.answeredAt ? t('preparation.answered', { date: day(form.answeredAt) }) : t('preparation.notAnswered')}</List.Item>
                {form.lastRemindedAt ? <List.Item>{t('preparation.reminders', { count: form.reminderCount, date: day(form.lastRemindedAt) })}</List.Item> : null}
              </List>
            ) : (
              <Text size="sm">{t('preparation.notSent')}</Text>
            )}
            {cannotSend === 'initial_assessment_exists' && !form ? <Text size="sm">{t('preparation.cannotSend.initial_assessment_exists')}</Text> : null}
            {draft ? (
              <Alert color="blue" variant="light" styles={{ message: { color: '#1a1a1a' } }}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('preparation.draftReady')}</Text>
                  <RouterButton to="/forloeb/$courseId/behovsvurdering" params={{ courseId }} size="sm">
                    {t('preparation.reviewDraft')}
                  </RouterButton>
                </Stack>
              </Alert>
            ) : null}
            <Group gap="sm">
              {cannotSend === null ? (
                <Button onClick={() => send.mutate()} loading={send.isPending}>
                  {t('preparation.send')}
                </Button>
              ) : null}
              {canWrite && form && !form.answeredAt ? (
                <Button variant="outline" onClick={() => remind.mutate()} loading={remind.isPending}>
                  {t('preparation.remind')}
                </Button>
              ) : null}
            </Group>
            {send.isError ? <ErrorAlert error={send.error} /> : null}
            {remind.isError ? <ErrorAlert error={remind.error} /> : null}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
