import { Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ClosingLink } from '../features/closings/components/ClosingLink.tsx';
import { ContactPersonSection } from '../features/courses/components/ContactPersonSection.tsx';
import { ContactsSection } from '../features/courses/components/ContactsSection.tsx';
import { CourseHeader } from '../features/courses/components/CourseHeader.tsx';
import { CrossReferralLink } from '../features/cross-referrals/components/CrossReferralLink.tsx';
import { ReferralFacts } from '../features/courses/components/ReferralFacts.tsx';
import { useCourse } from '../features/courses/hooks/useCourse.ts';
import { DeadlinesSection } from '../features/deadlines/components/DeadlinesSection.tsx';
import { DeceasedSection } from '../features/deadlines/components/DeceasedSection.tsx';
import { danishToday } from '../ui/utils/danishToday.ts';
import { CourseStatusNotesSection } from '../features/status-notes/components/CourseStatusNotesSection.tsx';
import { CitizenGpSection } from '../features/referrals/components/CitizenGpSection.tsx';
import { SuggestionsSection } from '../features/suggestions/components/SuggestionsSection.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';

export function CoursePage() {
  const { t } = useTranslation('referrals');
  const { courseId } = useParams({ from: '/signed-in/forloeb/$courseId' });
  const query = useCourse(courseId);
  return (
    <QueryState query={query}>
      {(course) => (
        <>
          <PageTitle title={t('course.title', { name: course.citizen.name })} />
          <Stack gap="xl">
            <CourseHeader course={course} />
            <ReferralFacts course={course} />
            <ContactPersonSection course={course} />
            <CitizenGpSection citizenId={course.citizen.id} courseId={course.id} canWrite={course.permissions.write} />
            <ContactsSection course={course} today={danishToday()} />
            <DeadlinesSection course={course} today={danishToday()} />
            <SuggestionsSection courseId={course.id} />
            <CrossReferralLink courseId={course.id} />
            <ClosingLink courseId={course.id} />
            <CourseStatusNotesSection courseId={course.id} />
            <DeceasedSection course={course} today={danishToday()} />
          </Stack>
        </>
      )}
    </QueryState>
  );
}
