import { Button, Group, List, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { CourseDetail } from '@samkraft/contracts/courses';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/sessionQuery.ts';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { useSetContactPerson } from '../hooks/useCourse.ts';

export type ContactPersonSectionProps = { course: CourseDetail };

const instant = (iso: string, language: string) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));

/** The fixed contact person: take the course, or (a lead) assign and reassign; the history stays. */
export function ContactPersonSection({ course }: ContactPersonSectionProps) {
  const { t, i18n } = useTranslation('referrals');
  const { user } = useSession();
  const mutation = useSetContactPerson(course.id);
  const [staffUserId, setStaffUserId] = useState('');
  const [reason, setReason] = useState('');
  const fieldError = useFieldErrors(mutation.error).staffUserId;
  const onAssign = (e: FormEvent) => {
    e.preventDefault();
    if (!staffUserId) return;
    mutation.mutate({ staffUserId, ...(reason.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: () => setReason('') });
  };
  return (
    <Section title={t('course.contactPerson')}>
      <Stack gap="sm">
        <Text fw={500}>{course.contactPerson ? course.contactPerson.name : t('course.noContactPerson')}</Text>
        {course.permissions.takeOver ? (
          <Group>
            <Button onClick={() => mutation.mutate({ staffUserId: user.id })} loading={mutation.isPending}>
              {t('course.takeOver')}
            </Button>
          </Group>
        ) : null}
        {course.permissions.assign ? (
          <form onSubmit={onAssign}>
            <Group align="flex-end" gap="sm">
              <NativeSelect
                label={course.contactPerson ? t('course.reassign') : t('course.assignTo')}
                value={staffUserId}
                onChange={(e) => setStaffUserId(e.currentTarget.value)}
                data={[{ value: '', label: '' }, ...course.assignable.filter((s) => s.id !== course.contactPerson?.id).map((s) => ({ value: s.id, label: s.name }))]}
                error={fieldError}
              />
              <TextInput label={t('course.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              <Button type="submit" loading={mutation.isPending} disabled={!staffUserId}>
                {t('course.assign')}
              </Button>
            </Group>
          </form>
        ) : null}
        {mutation.isError && !fieldError ? <ErrorAlert error={mutation.error} /> : null}
        {course.assignments.length > 0 ? (
          <>
            <Text size="sm" fw={500}>
              {t('course.history')}
            </Text>
            <List size="sm">
              {course.assignments.map((a) => (
                <List.Item key={`${a.staff.id}-${a.assignedAt}-${a.endedAt ?? ''}`}>
                  {[
                    t('course.historyRow', { name: a.staff.name, from: instant(a.assignedAt, i18n.language) }),
                    a.endedAt ? t('course.historyEnded', { to: instant(a.endedAt, i18n.language) }) : null,
                    a.assignedBy ? t('course.historyBy', { by: a.assignedBy.name }) : null,
                    a.reason ? `– ${a.reason}` : null,
                  ]
                    .filter(Boolean)
                    .join(' ')}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Stack>
    </Section>
  );
}
