import { Anchor, Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CrossReferralCard } from '../features/cross-referrals/components/CrossReferralCard.tsx';
import { HomeOfferForm } from '../features/cross-referrals/components/HomeOfferForm.tsx';
import { ReferForm } from '../features/cross-referrals/components/ReferForm.tsx';
import { useCourseCrossReferrals } from '../features/cross-referrals/hooks/useCrossReferrals.ts';
import { useCourseSuggestions } from '../features/suggestions/hooks/useSuggestions.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

export function CrossReferralPage() {
  const { t } = useTranslation('crossReferrals');
  const { courseId = '' } = useParams({ strict: false });
  const query = useCourseCrossReferrals(courseId);
  const suggestions = useCourseSuggestions(courseId);
  return (
    <>
      <Anchor href={`/forloeb/${courseId}`} size="sm">
        ← {t('backToCourse')}
      </Anchor>
      <PageTitle title={t('title')} description={t('intro')} />
      <QueryState query={query}>
        {(data) => (
          <Stack gap="xl">
            <Section title={t('listTitle')}>
              {data.crossReferrals.length === 0 ? (
                <EmptyState text={t('listEmpty')} />
              ) : (
                <Stack gap="md">
                  {data.crossReferrals.map((x) => (
                    <CrossReferralCard key={x.id} courseId={courseId} data={data} referral={x} />
                  ))}
                </Stack>
              )}
            </Section>
            <QueryState query={suggestions}>
              {(s) => (
                <>
                  <Section title={t('title')}>
                    <ReferForm courseId={courseId} data={data} suggestions={s} />
                  </Section>
                  <Section title={t('homeTitle')} description={t('homeIntro')}>
                    <HomeOfferForm courseId={courseId} data={data} suggestions={s} />
                  </Section>
                </>
              )}
            </QueryState>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
