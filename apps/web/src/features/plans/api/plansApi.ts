import { actionPlan, actionPlanDraft, actionPlanOverview, type ActionPlan, type ActionPlanCreate, type ActionPlanDraft, type ActionPlanOverview } from '@samkraft/contracts/plans';
import { requestJson } from '../../../api/client.ts';

const base = (courseId: string) => `/api/courses/${encodeURIComponent(courseId)}/action-plans`;

export function fetchPlanOverview(courseId: string): Promise<ActionPlanOverview> {
  return requestJson(base(courseId), actionPlanOverview);
}

/** A new plan's difficulties and needs, drafted by the server from the latest needs assessment. */
export function fetchPlanDraft(courseId: string): Promise<ActionPlanDraft> {
  return requestJson(`${base(courseId)}/draft`, actionPlanDraft);
}

export function createPlanVersion(courseId: string, body: ActionPlanCreate): Promise<ActionPlan> {
  return requestJson(base(courseId), actionPlan, { method: 'POST', body });
}

/** The PDF is fetched by the browser itself (a plain download link with the session cookie). */
export function planPdfUrl(courseId: string, version: number): string {
  return `${base(courseId)}/${version}/pdf`;
}
