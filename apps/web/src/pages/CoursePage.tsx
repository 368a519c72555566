import { Box, Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import type { CourseStep } from '@samkraft/contracts/start';
import { useTranslation } from 'react-i18next';
import { ClosingLink } from '../features/closings/components/ClosingLink.tsx';
import { ContactPersonSection } from '../features/courses/components/ContactPersonSection.tsx';
import { ContactsSection } from '../features/courses/components/ContactsSection.tsx';
import { CourseHeader } from '../features/courses/components/CourseHeader.tsx';
import { NextStepPanel } from '../features/courses/components/NextStepPanel.tsx';
import { CONTACT_ANCHOR } from '../features/courses/utils/nextAction.ts';
import { CrossReferralLink } from '../features/cross-referrals/components/CrossReferralLink.tsx';
import { ReferralFacts } from '../features/courses/components/ReferralFacts.tsx';
import { useCourse } from '../features/courses/hooks/useCourse.ts';
import { DeadlinesSection } from '../features/deadlines/components/DeadlinesSection.tsx';
import { DeceasedSection } from '../features/deadlines/components/DeceasedSection.tsx';
import { PreparationFormSection } from '../features/assessments/components/PreparationFormSection.tsx';
import { HospitalStayAlert } from '../features/hospital-notifications/components/HospitalStayAlert.tsx';
import { useCourseHospitalStay } from '../features/hospital-notifications/hooks/useHospitalNotifications.ts';
import type { CourseDetail } from '@samkraft/contracts/courses';
import { danishDateOf } from '../ui/utils/danishDate.ts';
import { danishToday } from '../ui/utils/danishToday.ts';
import { CourseStatusNotesSection } from '../features/status-notes/components/CourseStatusNotesSection.tsx';
import { CourseCorrespondenceSection } from '../features/messaging/components/CourseCorrespondenceSection.tsx';
import { CitizenGpSection } from '../features/referrals/components/CitizenGpSection.tsx';
import { CourseAccessLogSection } from '../features/access-log/components/CourseAccessLogSection.tsx';
import { RelativesSection } from '../features/relatives/components/RelativesSection.tsx';
import { SuggestionsSection } from '../features/suggestions/components/SuggestionsSection.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';

const planned: ReadonlySet<CourseStep> = new Set(['planned', 'referred_on', 'in_intervention', 'closing', 'closed']);
const DECEASED_ANCHOR = 'doedsfald';
const anchored = { scrollMarginTop: 'calc(var(--app-shell-header-height, 64px) + 16px)' };

/** Recording a death, opened with the date when a hospital has reported it (the same query as the alert above). */
function Deceased({ course }: { course: CourseDetail }) {
  const notifiedAt = useCourseHospitalStay(course.id).data?.death?.notifiedAt;
  const reportedOn = notifiedAt ? danishDateOf(notifiedAt) : null;
  // Mounted again when a report arrives, so the form starts from its date.
  return <DeceasedSection key={reportedOn ?? 'none'} course={course} today={danishToday()} reportedOn={reportedOn} />;
}

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
            <HospitalStayAlert courseId={course.id} deceasedAnchor={DECEASED_ANCHOR} />
            <NextStepPanel course={course} />
            <CourseHeader course={course} />
            <ReferralFacts course={course} />
            <ContactPersonSection course={course} />
            <CitizenGpSection citizenId={course.citizen.id} courseId={course.id} canWrite={course.permissions.write} />
            <RelativesSection courseId={course.id} />
            <Box id={CONTACT_ANCHOR} style={anchored}>
              <ContactsSection course={course} today={danishToday()} />
            </Box>
            <PreparationFormSection courseId={course.id} canWrite={course.permissions.write} />
            <DeadlinesSection course={course} today={danishToday()} />
            {/* Open until the action plan is agreed; the referral's own page shows them again when referring. */}
            <SuggestionsSection courseId={course.id} defaultOpen={!planned.has(course.step)} />
            <CrossReferralLink courseId={course.id} />
            <ClosingLink courseId={course.id} />
            <CourseStatusNotesSection courseId={course.id} />
            <CourseCorrespondenceSection courseId={course.id} canWrite={course.permissions.write} />
            <Box id={DECEASED_ANCHOR} style={anchored}>
              <Deceased course={course} />
            </Box>
            <CourseAccessLogSection courseId={course.id} canWrite={course.permissions.write} />
          </Stack>
        </>
      )}
    </QueryState>
  );
}
