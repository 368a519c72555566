import { Anchor, Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CrossReferralList } from '../features/cross-referrals/components/CrossReferralList.tsx';
import { ReferForm } from '../features/cross-referrals/components/ReferForm.tsx';
import { useCourseCrossReferrals } from '../features/cross-referrals/hooks/useCrossReferrals.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';

export function CrossReferralPage() {
  const { t } = useTranslation('crossReferrals');
  const { courseId = '' } = useParams({ strict: false });
  const query = useCourseCrossReferrals(courseId);
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
              <CrossReferralList data={data} />
            </Section>
            <Section title={t('title')}>
              <ReferForm courseId={courseId} data={data} />
            </Section>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
