import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CourseDetail } from '@samkraft/contracts/courses';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useCourseDeadlines } from '../../deadlines/hooks/useDeadlines.ts';
import { deadlineTone } from '../../deadlines/utils/deadlineTone.ts';
import { nextActionOf } from '../utils/nextAction.ts';

/**
 * First on the course page: what to do next, the deadline it must meet (the server's `next`, never
 * recomputed here) and a way to do it.
 */
export function NextStepPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation('worklist');
  const { language } = useLanguage();
  const headingId = useId();
  const deadlines = useCourseDeadlines(course.id);
  if (course.closedOn) return null;
  const action = nextActionOf(course.step, course.id);
  const next = deadlines.data?.next ?? null;
  const urgent = next?.state === 'overdue' || next?.state === 'due_soon';
  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      component="section"
      aria-labelledby={headingId}
      data-testid="next-step"
      bg={next?.state === 'overdue' ? 'red.0' : 'blue.0'}
      style={urgent ? { borderColor: `var(--mantine-color-${deadlineTone(next.state)}-6)`, borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" align="center" gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id={headingId}>
            {t('nextPanel.title')}: {t(`nextSteps.${action.step}`)}
          </Title>
          {deadlines.isSuccess ? (
            next ? (
              <Group gap="xs" data-testid="next-deadline" data-state={next.state}>
                <Text fw={urgent ? 700 : 500}>
                  {t('nextPanel.deadline')}: {t('nextPanel.due', { kind: t(`kinds.${next.kind}`), date: formatDate(next.dueOn, language) })}
                </Text>
                <Tag tone={deadlineTone(next.state)}>{t(`states.${next.state}`)}</Tag>
                {next.actor === 'provider' ? <Text size="sm">({t('nextPanel.provider')})</Text> : null}
                {next.limitedBy === 'sul140' ? <Text size="sm">({t('nextPanel.sul140')})</Text> : null}
              </Group>
            ) : (
              <Text data-testid="next-deadline">{t('noDeadline')}</Text>
            )
          ) : null}
        </Stack>
        {action.href && course.permissions.write ? (
          <Button component="a" href={action.href} size="md">
            {t(`nextActions.${action.step}`)}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
