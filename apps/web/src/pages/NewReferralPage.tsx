import { useTranslation } from 'react-i18next';
import { NewReferralForm } from '../features/referrals/components/NewReferralForm.tsx';
import { danishToday } from '../ui/utils/danishToday.ts';
import { PageTitle } from '../ui/PageTitle.tsx';

export function NewReferralPage() {
  const { t } = useTranslation('referrals');
  return (
    <>
      <PageTitle title={t('intake.title')} />
      <NewReferralForm today={danishToday()} />
    </>
  );
}
