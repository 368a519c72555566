import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { useUnmatchedMessages } from '../hooks/useMessaging.ts';
import { PlacedNotice, UnmatchedMessageCard } from './UnmatchedMessageCard.tsx';

/** The municipality's received messages that wait to be placed on a course, oldest first. */
export function UnmatchedMessages() {
  const { t } = useTranslation('messaging');
  const query = useUnmatchedMessages();
  const [placed, setPlaced] = useState<{ courseId: string; patient: string } | null>(null);
  return (
    <Stack gap="md">
      {placed ? <PlacedNotice courseId={placed.courseId} patient={placed.patient} /> : null}
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState text={t('unmatched.empty')} />
          ) : (
            <Stack gap="md">
              {data.items.map((m) => (
                <UnmatchedMessageCard key={m.id} message={m} onPlaced={(courseId, patient) => setPlaced({ courseId, patient })} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
