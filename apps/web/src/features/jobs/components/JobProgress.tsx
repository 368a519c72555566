import { Progress, Stack, Text } from '@mantine/core';
import type { Job } from '@samkraft/contracts/jobs';
import { useTranslation } from 'react-i18next';
import { percentDone } from '../utils/jobState.ts';

export type JobProgressProps = {
  job: Job | undefined;
  /** What is being done, e.g. "Beregner rapporten". */
  label: string;
  /** The work's current step in words (the step names are the feature's). */
  phaseText?: (phase: string) => string;
};

/** How far a job is: a bar with per cent when the work has said how much there is, else a moving bar. */
export function JobProgress({ job, label, phaseText }: JobProgressProps) {
  const { t } = useTranslation('jobs');
  const percent = job ? percentDone(job) : null;
  const phase = job?.progress.phase;
  const status = job?.state === 'queued' || !job ? t('queued') : percent === null ? t('started') : t('progress', { done: job.progress.done, total: job.progress.total });
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">
        {label} · {status}
        {phase && phaseText ? ` · ${phaseText(phase)}` : ''}
      </Text>
      <Progress value={percent ?? 100} striped={percent === null} animated={percent === null} aria-label={label} transitionDuration={200} />
    </Stack>
  );
}
