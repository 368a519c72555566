import { followUp, followUpList, vulnerableResult, type FollowUp, type FollowUpHeld, type FollowUpList, type VulnerableResult, type VulnerableUpdate } from '@samkraft/contracts/follow-ups';
import { requestJson } from '../../../api/client.ts';

export function fetchFollowUps(courseId: string): Promise<FollowUpList> {
  return requestJson(`/api/courses/${encodeURIComponent(courseId)}/follow-ups`, followUpList);
}

export function scheduleFollowUp(courseId: string, plannedOn: string): Promise<FollowUp> {
  return requestJson(`/api/courses/${encodeURIComponent(courseId)}/follow-ups`, followUp, { method: 'POST', body: { plannedOn } });
}

export function recordFollowUpHeld(followUpId: string, body: FollowUpHeld): Promise<FollowUp> {
  return requestJson(`/api/follow-ups/${encodeURIComponent(followUpId)}/held`, followUp, { method: 'POST', body });
}

export function setVulnerable(citizenId: string, body: VulnerableUpdate): Promise<VulnerableResult> {
  return requestJson(`/api/citizens/${encodeURIComponent(citizenId)}/vulnerable`, vulnerableResult, { method: 'PUT', body });
}
