import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import type { UnmatchedMessage } from '@samkraft/contracts/messaging';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { usePlaceMessage } from '../hooks/useMessaging.ts';
import { categoryLabel } from '../utils/messageText.ts';

export type UnmatchedMessageCardProps = { message: UnmatchedMessage; onPlaced: (courseId: string, patient: string) => void };

/** A received message no course was found for: read it, choose the citizen's course, place it there. */
export function UnmatchedMessageCard({ message: m, onPlaced }: UnmatchedMessageCardProps) {
  const { t } = useTranslation('messaging');
  const { language } = useLanguage();
  const place = usePlaceMessage();
  const errors = useFieldErrors(place.error);
  const first = m.candidateCourses.find((c) => c.closedOn === null) ?? m.candidateCourses[0];
  const [courseId, setCourseId] = useState(first?.courseId ?? '');
  const patient = [m.patientName, m.patientIdentifier].filter(Boolean).join(', ') || t('unmatched.unknownPatient');
  const title = `${m.senderName ?? m.senderId ?? t('unknownCounterpart')} · ${patient}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    place.mutate({ messageId: m.id, courseId }, { onSuccess: () => onPlaced(courseId, patient) });
  };
  const day = (d: string) => formatDate(d, language);
  return (
    <Paper withBorder p="md" component="article" aria-label={title} data-testid="unmatched-message">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text size="sm">
          {[t('unmatched.receivedAt', { date: formatDate(danishDateOf(m.receivedAt), language) }), categoryLabel(m.category, language), m.topic].filter(Boolean).join(' · ')}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('unmatched.patient')}:
          </Text>{' '}
          {patient}
        </Text>
        {m.texts.map((text, i) => (
          <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {text}
          </Text>
        ))}
        {m.attachments.length > 0 ? <Text size="sm">{`${t('attachments')}: ${m.attachments.join(', ')}`}</Text> : null}
        {m.candidateCourses.length === 0 ? (
          <Alert color="gray" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
            {t('unmatched.noCandidates')}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate aria-label={`${t('unmatched.place')}: ${patient}`}>
            <Group align="flex-end" gap="sm">
              <NativeSelect
                label={t('unmatched.course')}
                value={courseId}
                onChange={(e) => setCourseId(e.currentTarget.value)}
                error={errors.courseId ?? errors.messageId}
                data={[
                  { value: '', label: t('unmatched.chooseCourse') },
                  ...m.candidateCourses.map((c) => ({
                    value: c.courseId,
                    label: c.closedOn ? t('unmatched.courseOptionClosed', { name: c.citizenName, opened: day(c.openedOn), closed: day(c.closedOn) }) : t('unmatched.courseOption', { name: c.citizenName, opened: day(c.openedOn) }),
                  })),
                ]}
              />
              <Button type="submit" loading={place.isPending} disabled={!courseId}>
                {t('unmatched.place')}
              </Button>
            </Group>
            {place.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={place.error} /> : null}
          </form>
        )}
      </Stack>
    </Paper>
  );
}

export function PlacedNotice({ courseId, patient }: { courseId: string; patient: string }) {
  const { t } = useTranslation('messaging');
  return (
    <Alert color="green" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
      {t('unmatched.placed')}{' '}
      <Anchor href={`/forloeb/${courseId}`}>
        {t('unmatched.openCourse')} ({patient})
      </Anchor>
    </Alert>
  );
}
