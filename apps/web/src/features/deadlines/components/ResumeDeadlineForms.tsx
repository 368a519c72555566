import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import type { Deadline } from '@samkraft/contracts/deadlines';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useResumeDeadline } from '../hooks/useDeadlines.ts';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';

export type ResumeDeadlineFormsProps = { courseId: string; deadlines: readonly Deadline[]; today: string };

/** One small form per open pause; nothing is shown when no deadline is paused. */
export function ResumeDeadlineForms({ courseId, deadlines, today }: ResumeDeadlineFormsProps) {
  const { t } = useTranslation('deadlines');
  const paused = deadlines.filter((d) => d.openPauseId !== null);
  if (paused.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="sm">
      <Title order={3} size="h4" mb="sm">
        {t('resume.title')}
      </Title>
      <Stack gap="sm">
        {paused.map((d) => (
          <ResumeForm key={d.openPauseId} courseId={courseId} deadline={d} today={today} />
        ))}
      </Stack>
    </Paper>
  );
}

function ResumeForm({ courseId, deadline, today }: { courseId: string; deadline: Deadline; today: string }) {
  const { t } = useTranslation('deadlines');
  const { t: tw } = useTranslation('worklist');
  const resume = useResumeDeadline(courseId);
  const [resumedOn, setResumedOn] = useState(today);
  const errors = useFieldErrors(resume.error);
  const kind = tw(`kinds.${deadline.kind}`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (deadline.openPauseId) resume.mutate({ pauseId: deadline.openPauseId, resumedOn });
  };
  return (
    <form onSubmit={onSubmit}>
      <Group align="flex-end" gap="sm">
        <TextInput type="date" label={t('resume.resumedOn', { kind })} required max={today} value={resumedOn} onChange={(e) => setResumedOn(e.currentTarget.value)} error={errors.resumedOn} />
        <Button type="submit" loading={resume.isPending}>
          {t('resume.submit', { kind })}
        </Button>
      </Group>
      {resume.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={resume.error} /> : null}
    </form>
  );
}
