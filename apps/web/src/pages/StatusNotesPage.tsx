import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import type { InboxFilter } from '../features/status-notes/api/statusNotesApi.ts';
import { StatusNoteInbox } from '../features/status-notes/components/StatusNoteInbox.tsx';
import { StatusNoteView } from '../features/status-notes/components/StatusNoteView.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/** The home municipality's status notes: the inbox, or one opened note (`/statusnotater/$statusNoteId`). */
export function StatusNotesPage() {
  const { t } = useTranslation('statusNotes');
  const { role } = useActiveRole();
  const { statusNoteId } = useParams({ strict: false });
  const [filter, setFilter] = useState<InboxFilter>({ unread: false, mine: role === 'contact_person' });
  if (statusNoteId) return <StatusNoteView key={statusNoteId} statusNoteId={statusNoteId} />;
  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <StatusNoteInbox filter={filter} onFilter={setFilter} />
    </>
  );
}
