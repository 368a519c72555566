import type { Page } from 'playwright-core';

type DemoUser = { id: string; username: string; displayName: string };

/** Signs in through the sign-in page as a person would: pick the demo user, press the button. */
export async function signInAsDemoUser(page: Page, baseUrl: string, username: string): Promise<DemoUser> {
  const res = await fetch(`${baseUrl}/api/auth/demo-users`);
  const { users } = (await res.json()) as { users: DemoUser[] };
  const user = users.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('combobox', { name: 'Demobruger', exact: true }).selectOption(user.id);
  await page.getByRole('button', { name: `Log ind som ${user.displayName}` }).click();
  await page.waitForURL(`${baseUrl}/`);
  return user;
}
