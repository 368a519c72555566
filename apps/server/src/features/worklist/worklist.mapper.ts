import type { CourseSummary } from '@samkraft/contracts/start';
import { toCitizenSummary } from '../citizens/citizen.mapper.ts';
import { courseStep } from '../courses/course-step.rules.ts';
import type { OpenCourseRow } from '../courses/course-list.service.ts';

export function toCourseSummary(r: OpenCourseRow): CourseSummary {
  return {
    courseId: r.courseId,
    referralId: r.referralId,
    citizen: toCitizenSummary(r.citizen),
    receivedOn: r.receivedOn,
    source: r.source,
    diagnosis: r.diagnosisCode ? { code: r.diagnosisCode, title: r.diagnosisTitle ?? r.diagnosisCode } : null,
    step: courseStep(r),
    contactPerson: r.contactPersonId ? { id: r.contactPersonId, name: r.contactPersonName ?? '' } : null,
  };
}
