import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { CourseMessage } from '@samkraft/contracts/messaging';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { attachmentUrl } from '../api/messagingApi.ts';
import { categoryLabel } from '../utils/messageText.ts';

export type CourseMessageCardProps = {
  courseId: string;
  message: CourseMessage;
  canWrite: boolean;
  onReply: (message: CourseMessage) => void;
  onForward: (message: CourseMessage) => void;
};

const stateColor = (m: CourseMessage) => (m.state === 'failed' || m.state === 'refused' ? 'red.9' : m.state === 'delivered' || m.state === 'accepted' ? '#1b5e20' : 'dark.7');

/** "Sendt" only when sent: the message's state as its transport and acknowledgement have it. */
function useStateText(m: CourseMessage): string {
  const { t } = useTranslation('messaging');
  const { language } = useLanguage();
  const day = (iso: string | null) => (iso ? formatDate(danishDateOf(iso), language) : '');
  const reason = m.reason ?? t('unknownReason');
  switch (m.state) {
    case 'queued':
      return t('state.queued');
    case 'sent':
      return t('state.sent', { date: day(m.sentAt) });
    case 'delivered':
      return t('state.delivered', { date: day(m.acknowledgedAt) });
    case 'failed':
      return t('state.failed', { reason });
    case 'accepted':
      return t('state.accepted', { date: day(m.createdAt) });
    case 'unmatched':
      return t('state.unmatched');
    case 'refused':
      return t('state.refused', { reason });
  }
}

/** One CareCommunication of the course: who, what about, its state, its texts and attachments. */
export function CourseMessageCard({ courseId, message: m, canWrite, onReply, onForward }: CourseMessageCardProps) {
  const { t } = useTranslation('messaging');
  const { language } = useLanguage();
  const state = useStateText(m);
  const counterpart = m.counterpartName ?? t('unknownCounterpart');
  return (
    <Paper withBorder p="md" component="article" aria-label={`${t(`direction.${m.direction}`)} ${counterpart}`} data-testid="course-message">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} size="h5">
              {t(`direction.${m.direction}`)} {counterpart}
            </Title>
            <Text size="sm">
              {[m.activity ? t(`activity.${m.activity}`) : null, formatDate(danishDateOf(m.createdAt), language), categoryLabel(m.category, language), m.topic ?? t('noTopic')].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          <Text size="sm" fw={600} c={stateColor(m)} data-testid="course-message-state">
            {state}
          </Text>
        </Group>
        {m.texts.map((p, i) => (
          <Stack key={i} gap={0}>
            {p.authorName || p.organisationName ? (
              <Text size="xs" c="dimmed">
                {[p.authorName, p.organisationName].filter(Boolean).join(', ')}
                {p.date ? ` · ${formatDate(danishDateOf(p.date), language)}` : ''}
              </Text>
            ) : null}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {p.text}
            </Text>
          </Stack>
        ))}
        {m.attachments.length > 0 ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('attachments')}
            </Text>
            <List size="sm">
              {m.attachments.map((a) => {
                const title = a.title ?? t('attachmentFallback');
                return (
                  <List.Item key={a.index}>
                    {a.downloadable ? (
                      <Anchor href={attachmentUrl(courseId, m.id, a.index)} download>
                        {t('download', { title })}
                      </Anchor>
                    ) : (
                      t('notCarried', { title })
                    )}
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        ) : null}
        {canWrite && m.kind === 'care_communication' ? (
          <Group gap="xs">
            {m.canReply ? (
              <Button size="xs" variant="light" onClick={() => onReply(m)}>
                {t('correspondence.reply')}
              </Button>
            ) : null}
            <Button size="xs" variant="subtle" onClick={() => onForward(m)}>
              {t('correspondence.forward')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
