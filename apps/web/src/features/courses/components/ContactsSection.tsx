import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { isOneOf } from '@samkraft/contracts/common';
import { type ContactChannel, contactChannels, type CourseContact, type CourseDetail } from '@samkraft/contracts/courses';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Disclosure } from '../../../ui/Disclosure.tsx';
import { Section } from '../../../ui/Section.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { preparationLetterUrl } from '../api/courseApi.ts';
import { useAddContact, useMarkFormSent } from '../hooks/useCourse.ts';

export type ContactsSectionProps = { course: CourseDetail; today: string };

/** First contact (note §8.9 step 2), and the preparation form with its letter. */
export function ContactsSection({ course, today }: ContactsSectionProps) {
  const { t } = useTranslation('referrals');
  const { language } = useLanguage();
  const add = useAddContact(course.id);
  const sent = useMarkFormSent(course.id);
  const [contactedOn, setContactedOn] = useState(today);
  const [channel, setChannel] = useState<ContactChannel>('phone');
  const [reached, setReached] = useState(true);
  const [agreedAt, setAgreedAt] = useState('');
  const [note, setNote] = useState('');
  const [sentOn, setSentOn] = useState(today);
  const errors = useFieldErrors(add.error);
  const sentErrors = useFieldErrors(sent.error);
  const timeFmt = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });

  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        contactedOn,
        channel,
        reached,
        ...(reached && agreedAt ? { agreedAssessmentAt: new Date(agreedAt).toISOString() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: () => setNote('') },
    );
  };
  const columns: Column<CourseContact>[] = [
    { key: 'date', header: t('course.columns.date'), rowHeader: true, nowrap: true, render: (c) => formatDate(c.contactedOn, language) },
    { key: 'channel', header: t('course.columns.channel'), render: (c) => (c.channel ? t(`channel.${c.channel}`) : '—') },
    { key: 'reached', header: t('course.columns.reached'), render: (c) => (c.reached ? t('course.yes') : t('course.no')) },
    { key: 'agreed', header: t('course.columns.agreed'), render: (c) => (c.agreedAssessmentAt ? timeFmt.format(new Date(c.agreedAssessmentAt)) : '') },
    { key: 'form', header: t('course.columns.form'), nowrap: true, render: (c) => (c.preparationFormSentOn ? formatDate(c.preparationFormSentOn, language) : '') },
    { key: 'by', header: t('course.columns.by'), render: (c) => c.recordedBy?.name ?? '' },
    { key: 'note', header: t('course.columns.note'), render: (c) => c.note ?? '' },
  ];
  const hasReached = course.contacts.some((c) => c.reached);

  return (
    <Section title={t('course.contacts')}>
      <Stack gap="md">
        <DataTable columns={columns} rows={course.contacts} rowKey={(c) => c.id} emptyText={t('course.contactsEmpty')} />
        {course.permissions.write ? (
          <Paper withBorder p="md" radius="sm">
            {/* Open until the citizen has been reached; a later contact is recorded less often. */}
            <Disclosure title={t('course.newContact')} headingId="new-contact-heading" defaultOpen={!hasReached}>
              <form onSubmit={onAdd} aria-labelledby="new-contact-heading">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <TextInput type="date" label={t('course.contactedOn')} required max={today} value={contactedOn} onChange={(e) => setContactedOn(e.currentTarget.value)} error={errors.contactedOn} />
                  <NativeSelect label={t('course.channelLabel')} required value={channel} onChange={(e) => {
                      const value = e.currentTarget.value;
                      if (isOneOf(contactChannels, value)) setChannel(value);
                    }} data={contactChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} error={errors.channel} />
                  <Checkbox label={t('course.reached')} checked={reached} onChange={(e) => setReached(e.currentTarget.checked)} mt="md" />
                  <TextInput type="datetime-local" label={t('course.agreedAssessmentAt')} disabled={!reached} value={agreedAt} onChange={(e) => setAgreedAt(e.currentTarget.value)} error={errors.agreedAssessmentAt} />
                </SimpleGrid>
                <Textarea label={t('course.note')} mt="md" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
                <Group mt="md">
                  <Button type="submit" loading={add.isPending}>
                    {t('course.saveContact')}
                  </Button>
                </Group>
                {add.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={add.error} /> : null}
              </form>
            </Disclosure>
          </Paper>
        ) : null}
        <Paper withBorder p="md" radius="sm">
          <Title order={3} size="h4" mb="xs">
            {t('course.preparationForm')}
          </Title>
          <Text size="sm" mb="xs">
            {t('course.preparationFormIntro')}
          </Text>
          <Text fw={500} mb="sm">
            {course.preparationFormSentOn ? t('course.preparationFormSent', { date: formatDate(course.preparationFormSentOn, language) }) : t('course.preparationFormNotSent')}
          </Text>
          {course.permissions.write && hasReached ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                sent.mutate(sentOn);
              }}
            >
              <Group align="flex-end" gap="sm">
                <TextInput type="date" label={t('course.sentOn')} required max={today} value={sentOn} onChange={(e) => setSentOn(e.currentTarget.value)} error={sentErrors.sentOn} />
                <Button type="submit" loading={sent.isPending}>
                  {t('course.markSent')}
                </Button>
              </Group>
              {sent.isError && Object.keys(sentErrors).length === 0 ? <ErrorAlert error={sent.error} /> : null}
            </form>
          ) : course.permissions.write ? (
            <Text size="sm">{t('course.needContactFirst')}</Text>
          ) : null}
          <Anchor href={preparationLetterUrl(course.id)} download mt="sm" display="inline-block">
            {t('course.letter')}
          </Anchor>
        </Paper>
      </Stack>
    </Section>
  );
}
