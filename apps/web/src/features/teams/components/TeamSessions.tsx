import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import type { TeamSession } from '@samkraft/contracts/teams';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../i18n/language.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useGenerateSessions } from '../hooks/useTeams.ts';
import { sessionWhen } from '../utils/teamFormat.ts';

/** Four weeks back: the sessions whose attendance may still be recorded or corrected. */
const RECENT_MS = 28 * 86_400_000;

export function SessionsTable({ teamId, sessions }: { teamId: string; sessions: readonly TeamSession[] }) {
  const { t } = useTranslation('teams');
  const { language } = useLanguage();
  const [all, setAll] = useState(false);
  const since = Date.now() - RECENT_MS;
  const recent = sessions.filter((s) => Date.parse(s.startsAt) >= since);
  const shown = all ? sessions : recent;
  return (
    <Stack gap="sm">
      {recent.length < sessions.length ? (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setAll((x) => !x)}>
            {all ? t('sessionsRecent') : t('sessionsAll', { n: sessions.length })}
          </Button>
        </Group>
      ) : null}
    <DataTable
      rows={shown}
      rowKey={(s) => s.id}
      emptyText={t('sessionsEmpty')}
      columns={[
        {
          key: 'when',
          header: t('session.when'),
          rowHeader: true,
          nowrap: true,
          render: (s) => (
            <RouterAnchor to="/hold/$teamId/sessioner/$sessionId" params={{ teamId, sessionId: s.id }} aria-label={t('openSession', { when: sessionWhen(s.startsAt, localeOf(language)) })}>
              {sessionWhen(s.startsAt, localeOf(language))}
            </RouterAnchor>
          ),
        },
        {
          key: 'room',
          header: t('session.room'),
          render: (s) => (
            <>
              {s.cancelled ? t('session.cancelledBecause', { reason: s.cancelReason ?? '' }) : (s.room ?? '—')}
              {s.kind === 'follow_up' ? ` · ${t('session.followUp')}` : ''}
            </>
          ),
        },
        { key: 'recorded', header: t('session.recorded'), numeric: true, render: (s) => s.recorded },
      ]}
    />
    </Stack>
  );
}

export function GenerateSessionsForm({ teamId, today }: { teamId: string; today: string }) {
  const { t } = useTranslation('teams');
  const { language } = useLanguage();
  const generate = useGenerateSessions(teamId);
  const errors = useFieldErrors(generate.error);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    generate.mutate({ from, to });
  };
  const result = generate.data;
  return (
    <Stack gap="sm">
      <form onSubmit={onSubmit} aria-label={t('generate.title')}>
        <Group align="flex-end">
          <TextInput type="date" label={t('generate.from')} required value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.from} />
          <TextInput type="date" label={t('generate.to')} required value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} />
          <Button type="submit" loading={generate.isPending}>
            {t('generate.submit')}
          </Button>
        </Group>
      </form>
      {generate.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={generate.error} /> : null}
      {result ? (
        <Alert color="green" role="status">
          {t('generate.result', { created: result.created, existing: result.existing })}
          {result.skipped.length > 0
            ? ` ${t('generate.skipped', { days: result.skipped.map((s) => `${formatDate(s.date, language)} (${s.label ?? t(`skipReasons.${s.reason}`)})`).join(', ') })}`
            : null}
        </Alert>
      ) : null}
    </Stack>
  );
}
