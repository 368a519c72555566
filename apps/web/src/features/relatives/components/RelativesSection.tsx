import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { CourseRelative } from '@samkraft/contracts/relatives';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useCourseRelatives, useEndRelative, useSaveRelative } from '../hooks/useRelatives.ts';
import { emptyRelativeForm, relativeFormOf, toRelativeBody, type RelativeForm } from '../utils/relativeForm.ts';
import { RelativeFields } from './RelativeFields.tsx';

export type RelativesSectionProps = { courseId: string };

function RelativeEditor({ courseId, relative, onDone }: { courseId: string; relative: CourseRelative | null; onDone: () => void }) {
  const { t } = useTranslation('relatives');
  const [form, setForm] = useState<RelativeForm>(relative ? relativeFormOf(relative) : emptyRelativeForm(danishToday()));
  const save = useSaveRelative(courseId);
  const errors = useFieldErrors(save.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ relativeId: relative?.id ?? null, body: toRelativeBody(form) }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={relative ? `${t('section.edit')} ${relative.name}` : t('section.add')}>
      <Stack gap="sm">
        <RelativeFields value={form} onChange={setForm} errors={errors} idPrefix={relative ? `relative-${relative.id}` : 'relative-new'} />
        {save.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('section.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('section.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndForm({ courseId, relative, onDone }: { courseId: string; relative: CourseRelative; onDone: () => void }) {
  const { t } = useTranslation('relatives');
  const [endsOn, setEndsOn] = useState(danishToday());
  const end = useEndRelative(courseId);
  const errors = useFieldErrors(end.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    end.mutate({ relativeId: relative.id, endsOn }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Group align="flex-end">
        <TextInput type="date" label={t('section.endOn')} value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.endsOn} withAsterisk />
        <Button type="submit" color="#b02525" loading={end.isPending}>
          {t('section.confirmEnd')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('section.cancel')}
        </Button>
      </Group>
      {end.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={end.error} /> : null}
    </form>
  );
}

/** The course's relatives on the course page; the home municipality's writers add, change and end them (audited). */
export function RelativesSection({ courseId }: RelativesSectionProps) {
  const { t } = useTranslation('relatives');
  const { language } = useLanguage();
  const relatives = useCourseRelatives(courseId);
  // A relative's id, or 'new' for the form of a new one.
  const [editing, setEditing] = useState<string | null>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const canWrite = relatives.data?.canWrite ?? false;
  const list = relatives.data?.relatives ?? [];
  return (
    // Folded away while the course has none (most courses): the page keeps its next step in view.
    <Section title={t('section.title')} description={t('section.description')} defaultOpen={list.length > 0 || editing !== null}>
      <Stack gap="sm">
        {relatives.isError ? <ErrorAlert error={relatives.error} /> : null}
        {relatives.isSuccess && list.length === 0 ? <Text c="dimmed">{t('section.none')}</Text> : null}
        {list.map((r) => (
          <Paper key={r.id} withBorder p="sm" radius="sm" data-testid="course-relative">
            {editing === r.id ? (
              <RelativeEditor courseId={courseId} relative={r} onDone={() => setEditing(null)} />
            ) : (
              <Stack gap={4}>
                <Text fw={600}>
                  {r.name} · {t(`relation.${r.relation}`)}
                  {r.phone ? ` · ${r.phone}` : ''}
                </Text>
                <Text size="sm">
                  {r.endsOn ? t('section.ended', { date: formatDate(r.endsOn, language) }) : t('section.since', { date: formatDate(r.startsOn, language) })} · {t('section.consentOn', { date: formatDate(r.consentGivenOn, language) })} ·{' '}
                  {r.consentToShareWithProvider ? t('section.shared') : t('section.notShared')}
                </Text>
                {canWrite && r.endsOn === null && ending !== r.id ? (
                  <Group gap="xs">
                    <Button size="xs" variant="outline" onClick={() => setEditing(r.id)} aria-label={`${t('section.edit')} ${r.name}`}>
                      {t('section.edit')}
                    </Button>
                    <Button size="xs" variant="outline" color="#b02525" onClick={() => setEnding(r.id)} aria-label={`${t('section.end')} ${r.name}`}>
                      {t('section.end')}
                    </Button>
                  </Group>
                ) : null}
                {ending === r.id ? <EndForm courseId={courseId} relative={r} onDone={() => setEnding(null)} /> : null}
              </Stack>
            )}
          </Paper>
        ))}
        {canWrite && editing === 'new' ? (
          <Paper withBorder p="sm" radius="sm">
            <RelativeEditor courseId={courseId} relative={null} onDone={() => setEditing(null)} />
          </Paper>
        ) : null}
        {canWrite && editing !== 'new' ? (
          <Group>
            <Button variant="outline" onClick={() => setEditing('new')}>
              {t('section.add')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Section>
  );
}
