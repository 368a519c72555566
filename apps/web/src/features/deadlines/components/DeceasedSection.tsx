import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { CourseDetail } from '@samkraft/contracts/courses';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useMarkDeceased } from '../hooks/useDeadlines.ts';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';

export type DeceasedSectionProps = {
  course: CourseDetail;
  today: string;
  /** The Danish date a hospital reported the death (features/hospital-notifications), when it did: the section opens with it. */
  reportedOn?: string | null;
};

/**
 * Records the citizen's death, which closes their open courses (the server decides which).
 * Shown to those who may write to the course; once recorded it only says so.
 */
export function DeceasedSection({ course, today, reportedOn = null }: DeceasedSectionProps) {
  const { t } = useTranslation('deadlines');
  const { language } = useLanguage();
  const mark = useMarkDeceased(course.id);
  const [deceasedOn, setDeceasedOn] = useState(reportedOn ?? today);
  const [confirmed, setConfirmed] = useState(false);
  const errors = useFieldErrors(mark.error);
  const deceasedOnRecorded = course.citizen.deceasedOn;
  if (!course.permissions.write && !deceasedOnRecorded) return null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (confirmed) mark.mutate({ citizenId: course.citizen.id, deceasedOn });
  };
  return (
    // Rarely used: folded away until a death is recorded, then said openly.
    <Section title={t('deceased.title')} defaultOpen={deceasedOnRecorded ? undefined : reportedOn !== null}>
      {deceasedOnRecorded ? (
        <Alert color="gray" variant="light">
          {t('deceased.done', { date: formatDate(deceasedOnRecorded, language) })}
        </Alert>
      ) : (
        <Paper withBorder p="md" radius="sm">
          <form onSubmit={onSubmit} aria-label={t('deceased.submit')}>
            <Stack gap="sm">
              <Text size="sm">{t('deceased.intro')}</Text>
              {reportedOn ? (
                <Alert color="red" variant="light" styles={{ message: { color: '#1a1a1a' } }}>
                  {t('deceased.reported', { date: formatDate(reportedOn, language) })}
                </Alert>
              ) : null}
              <TextInput type="date" label={t('deceased.date')} required max={today} value={deceasedOn} onChange={(e) => setDeceasedOn(e.currentTarget.value)} error={errors.deceasedOn} maw={240} />
              <Checkbox label={t('deceased.confirm')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
              <Group>
                <Button type="submit" color="red.9" disabled={!confirmed} loading={mark.isPending}>
                  {t('deceased.submit')}
                </Button>
              </Group>
              {mark.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mark.error} /> : null}
            </Stack>
          </form>
        </Paper>
      )}
    </Section>
  );
}
