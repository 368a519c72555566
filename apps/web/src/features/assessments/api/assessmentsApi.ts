import { assessmentItemList, needsAssessment, needsAssessmentList, type AssessmentItemList, type NeedsAssessment, type NeedsAssessmentCreate, type NeedsAssessmentList } from '@samkraft/contracts/assessments';
import { requestJson } from '../../../api/client.ts';

export function fetchAssessmentItems(): Promise<AssessmentItemList> {
  return requestJson('/api/assessment-items', assessmentItemList);
}

export function fetchNeedsAssessments(courseId: string): Promise<NeedsAssessmentList> {
  return requestJson(`/api/courses/${encodeURIComponent(courseId)}/needs-assessments`, needsAssessmentList);
}

export function createNeedsAssessment(courseId: string, body: NeedsAssessmentCreate): Promise<NeedsAssessment> {
  return requestJson(`/api/courses/${encodeURIComponent(courseId)}/needs-assessments`, needsAssessment, { method: 'POST', body });
}
