import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The course page's way to the cross-municipal referral page. */
export function CrossReferralLink({ courseId }: { courseId: string }) {
  const { t } = useTranslation('crossReferrals');
  return <Anchor href={`/forloeb/${courseId}/henvisning`}>{t('link')} →</Anchor>;
}
