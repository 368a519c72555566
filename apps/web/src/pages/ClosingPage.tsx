import { Alert, Anchor, Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ClosingConversationForm } from '../features/closings/components/ClosingConversationForm.tsx';
import { ClosingNoteEditor } from '../features/closings/components/ClosingNoteEditor.tsx';
import { useClosing } from '../features/closings/hooks/useClosing.ts';
import { closeReasonKey } from '../features/closings/utils/closeReason.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';
import { formatDate } from '../ui/utils/formatDate.ts';
import { lowerLabel } from '../i18n/vocabulary.ts';

export function ClosingPage() {
  const { t } = useTranslation('closings');
  const { language } = useLanguage();
  const { courseId = '' } = useParams({ strict: false });
  const query = useClosing(courseId);
  return (
    <>
      <Anchor href={`/forloeb/${courseId}`} size="sm">
        ← {t('backToCourse')}
      </Anchor>
      <PageTitle title={t('title')} description={t('intro')} />
      <QueryState query={query}>
        {(data) => (
          <Stack gap="xl">
            {data.closedOn && data.closeReason ? (
              <Alert variant="light" color="gray" role="status" styles={{ message: { color: '#1a1a1a' } }}>
                {t('closedOn', { date: formatDate(data.closedOn, language), reason: lowerLabel(t(`closeReasons.${closeReasonKey(data.closeReason)}`), language) })}
              </Alert>
            ) : null}
            <Section title={t('conversationTitle')}>
              <ClosingConversationForm courseId={courseId} data={data} />
            </Section>
            <Section title={t('noteTitle')} description={t('noteIntro')}>
              <ClosingNoteEditor courseId={courseId} data={data} />
            </Section>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
