import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useCourseStatusNotes } from '../hooks/useStatusNotes.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { ReadTag } from './NoteTags.tsx';
import { OpenNoteLink } from './StatusNoteInbox.tsx';

/** The course page's list of status notes from providers; opening one marks it read. */
export function CourseStatusNotesSection({ courseId }: { courseId: string }) {
  const { t } = useTranslation('statusNotes');
  const { language } = useLanguage();
  const query = useCourseStatusNotes(courseId);
  return (
    <Section title={t('courseSectionTitle')}>
      <QueryState query={query}>
        {(data) => (
          <DataTable
            rows={data.items}
            rowKey={(n) => n.id}
            emptyText={t('courseEmpty')}
            columns={[
              { key: 'sent', header: t('sentAt'), nowrap: true, render: (n) => formatDate(danishDateOf(n.sentAt), language) },
              { key: 'kind', header: t('kindColumn'), rowHeader: true, render: (n) => t(`kinds.${n.kind}`) },
              { key: 'from', header: t('from'), render: (n) => `${n.providerMunicipalityName} · ${n.interventionName}` },
              {
                key: 'body',
                header: t('body'),
                render: (n) => (
                  <Text size="sm" lineClamp={3}>
                    {n.body}
                  </Text>
                ),
              },
              { key: 'state', header: t('state'), render: (n) => <ReadTag readAt={n.readAt} /> },
              { key: 'open', header: t('open'), render: (n) => <OpenNoteLink note={n} /> },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}
