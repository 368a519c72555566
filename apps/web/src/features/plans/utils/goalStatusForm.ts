import type { GoalStatus, GoalStatusUpdates } from '@samkraft/contracts/plans';

/** Each goal's status as chosen now, by goal id; '' = not judged at this conversation. */
export type GoalStatusForm = Record<string, GoalStatus | ''>;

/** Only the goals judged now are sent; the others keep their latest status. */
export function toGoalStatusUpdates(f: GoalStatusForm): GoalStatusUpdates {
  return Object.entries(f).flatMap(([goalId, status]) => (status === '' ? [] : [{ goalId, status }]));
}
