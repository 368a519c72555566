import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useActiveRole } from '../features/auth/hooks/useActiveRole.ts';
import { DraftReferralTable } from '../features/hospital-referrals/components/DraftReferralTable.tsx';
import { DraftReferralView } from '../features/hospital-referrals/components/DraftReferralView.tsx';
import { OioxmlUpload } from '../features/hospital-referrals/components/OioxmlUpload.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

/**
 * Hospital referrals in: the contact person's and lead's list of the municipality's drafts, or one
 * draft (`/sygehushenvisninger/$draftId`); an administrator's upload of a file by hand.
 */
export function HospitalReferralsPage() {
  const { t } = useTranslation('hospitalReferrals');
  const { role } = useActiveRole();
  const { draftId } = useParams({ strict: false });
  if (draftId) return <DraftReferralView key={draftId} draftId={draftId} />;
  return (
    <>
      <PageTitle title={t('title')} description={role === 'administrator' ? undefined : t('intro')} />
      {role === 'administrator' ? <OioxmlUpload /> : <DraftReferralTable />}
    </>
  );
}
