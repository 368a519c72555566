import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { QueryState } from '../../../ui/QueryState.tsx';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { Section } from '../../../ui/Section.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useOpenStatusNote } from '../hooks/useStatusNotes.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { ReadTag } from './NoteTags.tsx';

/** One opened note; opening it marks it read for the home municipality. */
export function StatusNoteView({ statusNoteId }: { statusNoteId: string }) {
  const { t } = useTranslation('statusNotes');
  const { language } = useLanguage();
  const query = useOpenStatusNote(statusNoteId);
  return (
    <Stack gap="md">
      <RouterAnchor to="/statusnotater" size="sm">
        ← {t('backToInbox')}
      </RouterAnchor>
      <QueryState query={query}>
        {(n) => {
          const rows: [string, string][] = [
            [t('citizen'), `${n.citizenName} (${n.citizenIdentifier})`],
            [t('intervention'), n.interventionName],
            [t('provider'), n.providerMunicipalityName],
            [t('author'), n.authorName ?? '—'],
            [t('sentAt'), formatDate(danishDateOf(n.sentAt), language)],
          ];
          if (n.courseEndOn) rows.push([t('courseEndOn'), formatDate(n.courseEndOn, language)]);
          if (n.attendanceCount !== null) rows.push([t('attendanceCount'), String(n.attendanceCount)]);
          if (n.endReason) rows.push([t('endReason'), t(`endReasons.${n.endReason}`)]);
          if (n.goalsReached) rows.push([t('goalsReached'), n.goalsReached]);
          return (
            <Stack gap="lg">
              <PageTitle title={t('noteTitle', { kind: t(`kinds.${n.kind}`), name: n.citizenName })} />
              <Group gap="sm">
                <ReadTag readAt={n.readAt} />
                {n.readAt && n.readByName ? <Text size="sm">{t('readBy', { name: n.readByName, date: formatDate(danishDateOf(n.readAt), language) })}</Text> : null}
              </Group>
              <Section title={t('body')}>
                <Paper withBorder p="md">
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Text>
                </Paper>
              </Section>
              <Section title={t('facts')}>
                <Table withTableBorder aria-label={t('facts')}>
                  <Table.Tbody>
                    {rows.map(([label, value]) => (
                      <Table.Tr key={label}>
                        <Table.Th scope="row" w="30%">
                          {label}
                        </Table.Th>
                        <Table.Td>{value}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Section>
              <Anchor href={`/forloeb/${n.courseId}`}>{t('goToCourse')}</Anchor>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
