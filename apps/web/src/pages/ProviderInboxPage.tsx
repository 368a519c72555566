import { useTranslation } from 'react-i18next';
import { InboxTable } from '../features/provider-inbox/components/InboxTable.tsx';
import { useProviderInbox } from '../features/provider-inbox/hooks/useProviderInbox.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';

export function ProviderInboxPage() {
  const { t } = useTranslation('crossReferrals');
  const query = useProviderInbox();
  return (
    <>
      <PageTitle title={t('inboxTitle')} description={t('inboxIntro')} />
      <QueryState query={query}>{(data) => <InboxTable data={data} />}</QueryState>
    </>
  );
}
