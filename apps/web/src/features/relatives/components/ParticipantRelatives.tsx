import { Checkbox, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useRecordRelativeAttendance, useSessionRelatives } from '../hooks/useRelatives.ts';

export type ParticipantRelativesProps = { sessionId: string; enrolmentId: string; held: boolean };

/**
 * The participant's relatives the team's municipality may see (a referral sent to it, the
 * citizen's consent to share the name), each with "pårørende deltog" to tick. Recorded apart from
 * the participant's own mark: it never uses a session of the quota.
 */
export function ParticipantRelatives({ sessionId, enrolmentId, held }: ParticipantRelativesProps) {
  const { t } = useTranslation('relatives');
  const relatives = useSessionRelatives(sessionId);
  const record = useRecordRelativeAttendance(sessionId);
  // The tick being saved, set in the change handler itself so the box shows it at once (a state
  // from the mutation arrives a tick later, and meanwhile React puts the box back as it was).
  const [saving, setSaving] = useState<{ relativeId: string; attended: boolean } | null>(null);
  const mine = relatives.data?.relatives.filter((r) => r.enrolmentId === enrolmentId) ?? [];
  if (mine.length === 0 && !record.isError && !relatives.isError) return null;
  return (
    <Stack gap={4}>
      {mine.map((r) => (
        <Checkbox
          key={r.relativeId}
          size="md"
          label={t('session.attended', { name: r.name, relation: t(`relation.${r.relation}`) })}
          // Shows the tick at once while it is saved; the answer then says what was recorded.
          checked={saving?.relativeId === r.relativeId ? saving.attended : r.attended}
          disabled={!held && !r.attended}
          onChange={(e) => {
            const change = { relativeId: r.relativeId, attended: e.currentTarget.checked };
            setSaving(change);
            record.mutate(change, { onSettled: () => setSaving((now) => (now === change ? null : now)) });
          }}
        />
      ))}
      {record.isError ? <ErrorAlert error={record.error} /> : null}
      {relatives.isError ? <ErrorAlert error={relatives.error} /> : null}
    </Stack>
  );
}
