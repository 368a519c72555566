import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { StaffUserOverview } from '@samkraft/contracts/auth';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProviderName } from '../features/auth/hooks/useSignInMethods.ts';
import { SessionTable } from '../features/sessions/components/SessionTable.tsx';
import { useEndSessionsOfStaff, useSessionsOfStaff, useStaffUsers } from '../features/sessions/hooks/useSessions.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { DataTable, type Column } from '../ui/DataTable.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';
import { ErrorAlert, QueryState } from '../ui/QueryState.tsx';
import { Section } from '../ui/Section.tsx';
import { Tag } from '../ui/Tag.tsx';
import { formatInstant } from '../ui/utils/formatInstant.ts';

/** "Brugere og sessioner": the administrator's municipality's staff, and ending a person's sessions (issue 15.5). */
export function StaffUsersPage() {
  const { t } = useTranslation('sessions');
  const { t: tc } = useTranslation();
  const { language } = useLanguage();
  const users = useStaffUsers();
  const end = useEndSessionsOfStaff();
  const [shown, setShown] = useState<StaffUserOverview | null>(null);
  const [confirming, setConfirming] = useState<StaffUserOverview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const sessions = useSessionsOfStaff(shown?.id ?? null);
  const providerName = useProviderName();

  const columns: Column<StaffUserOverview>[] = [
    { key: 'name', header: t('staff.columns.name'), render: (u) => u.displayName, rowHeader: true },
    { key: 'username', header: t('staff.columns.username'), render: (u) => u.username, nowrap: true },
    { key: 'roles', header: t('staff.columns.roles'), render: (u) => u.roles.map((r) => tc(`roles.${r}`)).join(', ') },
    {
      key: 'status',
      header: t('staff.columns.status'),
      render: (u) => (
<Tag tone={u.active ? 'green' : 'gray'}>{u.active ? t('staff.active') : t('staff.inactive')}</Tag>
      ),
    },
    { key: 'sessions', header: t('staff.columns.sessions'), render: (u) => u.openSessions, numeric: true },
    { key: 'lastSeen', header: t('staff.columns.lastSeen'), render: (u) => (u.lastSeenAt ? formatInstant(u.lastSeenAt, language) : t('staff.never')), nowrap: true },
    {
      key: 'action',
      header: t('staff.columns.action'),
      render: (u) =>
        u.openSessions === 0 ? null : (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="subtle" aria-expanded={shown?.id === u.id} aria-label={t(shown?.id === u.id ? 'staff.hideLabel' : 'staff.showLabel', { name: u.displayName })} onClick={() => setShown(shown?.id === u.id ? null : u)}>
              {shown?.id === u.id ? t('staff.hide') : t('staff.show')}
            </Button>
            <Button size="xs" variant="outline" color="red.9" aria-label={t('staff.endLabel', { name: u.displayName })} onClick={() => setConfirming(u)}>
              {t('staff.end')}
            </Button>
          </Group>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <PageTitle title={t('staff.title')} description={t('staff.intro')} />
      <div role="status">{message ? <Alert color="green">{message}</Alert> : null}</div>
      {end.error ? <ErrorAlert error={end.error} /> : null}
      <QueryState query={users}>
        {(d) => <DataTable columns={columns} rows={d.users} rowKey={(u) => u.id} emptyText={t('staff.empty')} label={t('staff.title')} stackOnNarrow />}
      </QueryState>
      {shown ? (
        <Section title={t('staff.sessionsOf', { name: shown.displayName })}>
          <QueryState query={sessions}>{(d) => <SessionTable sessions={d.sessions} providerLabel={providerName} />}</QueryState>
        </Section>
      ) : null}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('staff.end')} closeButtonProps={{ 'aria-label': tc('shell.close') }}>
        {confirming ? (
          <Stack>
            <Text>{t('staff.confirm', { count: confirming.openSessions, name: confirming.displayName })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('staff.cancel')}
              </Button>
              <Button
                color="red.9"
                loading={end.isPending}
                onClick={() => {
                  const user = confirming;
                  end.mutate(user.id, {
                    onSuccess: (r) => {
                      setMessage(t('staff.ended', { count: r.ended, name: user.displayName }));
                      setConfirming(null);
                      if (shown?.id === user.id) setShown(null);
                    },
                  });
                }}
              >
                {t('staff.end')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
