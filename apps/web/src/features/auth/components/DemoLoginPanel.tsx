import { Button, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import type { StaffUser } from '@samkraft/contracts/auth';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useDemoUsers } from '../hooks/useDemoUsers.ts';
import { useDemoLogin } from '../hooks/useAuthMutations.ts';
import { describeStaff } from '../utils/describeStaff.ts';
import { groupDemoUsers } from '../utils/groupDemoUsers.ts';

/** Shown only when the server has demo sign-in switched on. */
export function DemoLoginPanel() {
  const query = useDemoUsers();
  if (!query.data?.enabled) return null;
  return <DemoLoginForm users={query.data.users} />;
}

type DemoLoginFormProps = { users: StaffUser[] };

function DemoLoginForm({ users }: DemoLoginFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const login = useDemoLogin();
  const groups = groupDemoUsers(users);
  const [selectedId, setSelectedId] = useState<string>(groups[0]?.users[0]?.id ?? '');
  const selected = users.find((u) => u.id === selectedId);
  const labels = { role: (r: StaffUser['roles'][number]) => t(`roles.${r}`), profession: (p: StaffUser['profession']) => t(`professions.${p}`) };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (selected) login.mutate(selected.id);
  };

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="lg">
      <form onSubmit={onSubmit}>
        <Stack gap="md">
          <Title order={2} id={headingId} size="h3">
            {t('login.demoTitle')}
          </Title>
          <Text>{t('login.demoIntro')}</Text>
          {users.length === 0 ? (
            <Text>{t('login.demoEmpty')}</Text>
          ) : (
            <>
              <NativeSelect
                label={t('login.demoSelect')}
                value={selectedId}
                onChange={(e) => setSelectedId(e.currentTarget.value)}
                data={groups.map((g) => ({
                  group: g.municipality,
                  items: g.users.map((u) => ({ value: u.id, label: describeStaff(u, labels) })),
                }))}
              />
              {selected ? (
                <Text size="sm" c="dimmed">
                  {selected.municipality.name} · {selected.roles.map(labels.role).join(', ')} · {labels.profession(selected.profession)}
                </Text>
              ) : null}
              {login.isError ? <ErrorAlert error={login.error} /> : null}
              <Button type="submit" loading={login.isPending} disabled={!selected} style={{ alignSelf: 'flex-start' }}>
                {t('login.demoButton', { name: selected?.displayName ?? '' })}
              </Button>
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
