import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { AdminMessageList } from '../features/messaging/components/AdminMessageList.tsx';
import { UnmatchedMessages } from '../features/messaging/components/UnmatchedMessages.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/**
 * MedCom messages: an administrator's list of every message sent and received (metadata only); a
 * contact person's or lead's received messages that wait to be placed on a course ("Beskeder uden forløb").
 */
export function MessagesPage() {
  const { t } = useTranslation('messaging');
  const { role } = useActiveRole();
  if (role === 'administrator') {
    return (
      <>
        <PageTitle title={t('admin.title')} description={t('admin.intro')} />
        <AdminMessageList />
      </>
    );
  }
  return (
    <>
      <PageTitle title={t('unmatched.title')} description={t('unmatched.intro')} />
      <UnmatchedMessages />
    </>
  );
}
