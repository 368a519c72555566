import type { CourseStep, CourseSummary } from '@samkraft/contracts/start';
import { toCitizenSummary } from '../citizens/citizen.mapper.ts';
import type { CourseListRow } from './course-list.repository.ts';

/** A course as lists show it (the worklist, the start page), at the step given (derived elsewhere from the same events). */
export function toCourseSummaryAt(r: CourseListRow, step: CourseStep): CourseSummary {
  return {
    courseId: r.courseId,
    referralId: r.referralId,
    citizen: toCitizenSummary(r.citizen),
    receivedOn: r.receivedOn,
    source: r.source,
    diagnosis: r.diagnosisCode ? { code: r.diagnosisCode, title: r.diagnosisTitle ?? r.diagnosisCode } : null,
    step,
    contactPerson: r.contactPersonId ? { id: r.contactPersonId, name: r.contactPersonName ?? '' } : null,
  };
}
