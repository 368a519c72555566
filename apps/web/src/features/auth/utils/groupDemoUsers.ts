import type { StaffUser } from '@samkraft/contracts/auth';

export type DemoUserGroup = { municipality: string; users: StaffUser[] };

const collator = new Intl.Collator('da');

/** Groups users by municipality name, groups and users sorted the Danish way (æ, ø, å last). */
export function groupDemoUsers(users: readonly StaffUser[]): DemoUserGroup[] {
  const groups = new Map<string, StaffUser[]>();
  for (const user of users) {
    const name = user.municipality.name;
    const group = groups.get(name) ?? [];
    group.push(user);
    groups.set(name, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([municipality, members]) => ({
      municipality,
      users: [...members].sort((a, b) => collator.compare(a.displayName, b.displayName)),
    }));
}
