import { Alert, Button, Group, Stack } from '@mantine/core';
import type { CorrespondenceActivity, CourseMessage } from '@samkraft/contracts/messaging';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { useCourseMessages, useMessageRecipients } from '../hooks/useMessaging.ts';
import { CourseMessageCard } from './CourseMessageCard.tsx';
import { WriteMessageForm } from './WriteMessageForm.tsx';

export type CourseCorrespondenceSectionProps = { courseId: string; canWrite: boolean };

type Writing = { activity: CorrespondenceActivity; previous: CourseMessage | null };

/**
 * "Korrespondance" on the course page: the course's MedCom CareCommunications in and out, newest
 * first, and — for those who write the course — a new message, a reply or a forward.
 */
export function CourseCorrespondenceSection({ courseId, canWrite }: CourseCorrespondenceSectionProps) {
  const { t } = useTranslation('messaging');
  const query = useCourseMessages(courseId);
  const recipients = useMessageRecipients(courseId, canWrite);
  const [writing, setWriting] = useState<Writing | null>(null);
  const [sent, setSent] = useState(false);
  const blocked = recipients.data?.blocked ?? null;
  const start = (w: Writing) => {
    setSent(false);
    setWriting(w);
  };
  return (
    <Section title={t('correspondence.title')} description={t('correspondence.intro')}>
      <Stack gap="sm">
        {canWrite && blocked ? (
          <Alert color="gray" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }} data-testid="correspondence-blocked">
            {t(`blocked.${blocked}`)}
          </Alert>
        ) : null}
        {sent ? (
          <Alert color="green" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
            {t('form.sent')}
          </Alert>
        ) : null}
        {canWrite && !blocked && recipients.data && writing ? (
          <WriteMessageForm
            key={`${writing.activity}-${writing.previous?.id ?? ''}`}
            courseId={courseId}
            activity={writing.activity}
            previous={writing.previous}
            recipients={recipients.data}
            onDone={(done) => {
              setWriting(null);
              setSent(done);
            }}
          />
        ) : null}
        {canWrite && !blocked && recipients.data && !writing ? (
          <Group>
            <Button variant="light" onClick={() => start({ activity: 'new', previous: null })}>
              {t('correspondence.write')}
            </Button>
          </Group>
        ) : null}
        <QueryState query={query}>
          {(data) => {
            const items = data.items.filter((m) => m.kind === 'care_communication');
            if (items.length === 0) return <EmptyState text={t('correspondence.empty')} />;
            return (
              <Stack gap="sm" aria-label={t('correspondence.listLabel')} role="list">
                {items.map((m) => (
                  <div role="listitem" key={m.id}>
                    <CourseMessageCard
                      courseId={courseId}
                      message={m}
                      canWrite={canWrite && !blocked}
                      onReply={(previous) => start({ activity: 'reply', previous })}
                      onForward={(previous) => start({ activity: 'forward', previous })}
                    />
                  </div>
                ))}
              </Stack>
            );
          }}
        </QueryState>
      </Stack>
    </Section>
  );
}
