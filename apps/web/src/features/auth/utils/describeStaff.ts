import type { StaffUser } from '@samkraft/contracts/auth';
import type { Profession, Role } from '@samkraft/contracts/common';

export type StaffLabels = { role: (role: Role) => string; profession: (profession: Profession) => string };

/** "Anne Holm – Kontaktperson, Driftsleder · Sygeplejerske" for lists and selects. */
export function describeStaff(user: StaffUser, labels: StaffLabels): string {
  const roles = user.roles.map(labels.role).join(', ');
  return `${user.displayName} – ${roles} · ${labels.profession(user.profession)}`;
}
