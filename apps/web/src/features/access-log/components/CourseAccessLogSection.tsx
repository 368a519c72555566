import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { AccessLogEntry } from '@samkraft/contracts/access-log';
import type { MyDataFormat } from '@samkraft/contracts/my-data';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { useCourseAccessLog, useDataAccessResponse } from '../hooks/useAccessLog.ts';

const instant = (iso: string, language: 'da' | 'en') =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

function AccessLogTable({ courseId }: { courseId: string }) {
  const { t } = useTranslation('accessLog');
  const { language } = useLanguage();
  const log = useCourseAccessLog(courseId, true);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const who = (e: AccessLogEntry) =>
    e.who.kind === 'citizen' ? t('citizen') : e.who.kind === 'system' ? t('system') : [e.who.name, e.who.roles.map((r) => r[language]).join(', '), e.who.municipality?.name].filter(Boolean).join(' · ');
  if (log.isError) return <ErrorAlert error={log.error} />;
  return (
    <Stack gap="xs">
      <DataTable
        rows={entries}
        rowKey={(e) => e.id}
        emptyText={log.isPending ? '…' : t('empty')}
        stackOnNarrow
        columns={[
          { key: 'when', header: t('when'), nowrap: true, render: (e) => instant(e.at, language) },
          { key: 'who', header: t('who'), rowHeader: true, render: who },
          { key: 'what', header: t('what'), render: (e) => e.what[language] },
          { key: 'why', header: t('why'), render: (e) => e.why[language] },
        ]}
      />
      <Group>
        {log.hasNextPage ? (
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('more')}
          </Button>
        ) : null}
        <Anchor href={`/api/courses/${courseId}/access-log/fhir`} download>
          {t('exportFhir')}
        </Anchor>
      </Group>
    </Stack>
  );
}

function DataAccessForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation('accessLog');
  const [reference, setReference] = useState('');
  const [missing, setMissing] = useState(false);
  const produce = useDataAccessResponse(courseId);
  const submit = (format: MyDataFormat) => {
    if (reference.trim().length < 3) return setMissing(true);
    setMissing(false);
    produce.mutate({ reference: reference.trim(), format });
  };
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h4">
        {t('dataAccess.title')}
      </Title>
      <Text c="dimmed">{t('dataAccess.description')}</Text>
      <TextInput label={t('dataAccess.reference')} description={t('dataAccess.referenceHint')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={missing ? t('dataAccess.referenceRequired') : undefined} maxLength={200} withAsterisk />
      <Group>
        <Button loading={produce.isPending} onClick={() => submit('pdf')}>
          {t('dataAccess.pdf')}
        </Button>
        <Button variant="default" loading={produce.isPending} onClick={() => submit('json')}>
          {t('dataAccess.json')}
        </Button>
      </Group>
      {produce.isError ? <ErrorAlert error={produce.error} /> : null}
      {produce.isSuccess ? <Alert color="green">{t('dataAccess.done')}</Alert> : null}
    </Stack>
  );
}

export type CourseAccessLogSectionProps = { courseId: string; canWrite: boolean };

/**
 * The course page's "who has seen the citizen's information" (read only when asked for: each read
 * of the log is itself logged) and, for those who write the course, the aktindsigt for a written request.
 */
export function CourseAccessLogSection({ courseId, canWrite }: CourseAccessLogSectionProps) {
  const { t } = useTranslation('accessLog');
  const [shown, setShown] = useState(false);
  return (
    <Section title={t('sectionTitle')} description={t('description')} defaultOpen={false}>
      {shown ? (
        <AccessLogTable courseId={courseId} />
      ) : (
        <Group>
          <Button variant="default" onClick={() => setShown(true)}>
            {t('show')}
          </Button>
        </Group>
      )}
      {canWrite ? <DataAccessForm courseId={courseId} /> : null}
    </Section>
  );
}
