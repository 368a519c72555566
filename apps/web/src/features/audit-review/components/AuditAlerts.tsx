import { Anchor, Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import type { AuditReviewAlert, AuditReviewAlertQuery } from '@samkraft/contracts/audit-review';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useAuditAlerts } from '../hooks/useAuditReview.ts';

export type AuditAlertsProps = { from: string; to: string; onUser: (user: { id: string; name: string }) => void };

type AlertDraft = { from: string; to: string; minCitizens: number | undefined; maxOwnPercent: number | undefined; workStartHour: number | undefined; workEndHour: number | undefined };

const int = (v: string | number) => (typeof v === 'number' ? v : v === '' ? undefined : Number(v));

/** "Advarsler": the users whose reads in the period are unusual, with the thresholds the reviewer sets. */
export function AuditAlerts({ from: initialFrom, to: initialTo, onUser }: AuditAlertsProps) {
  const { t } = useTranslation('auditReview');
  const [draft, setDraft] = useState<AlertDraft>({ from: initialFrom, to: initialTo, minCitizens: 20, maxOwnPercent: 50, workStartHour: 7, workEndHour: 18 });
  const [query, setQuery] = useState<AuditReviewAlertQuery | null>(null);
  const alerts = useAuditAlerts(query);
  const apply = () =>
    setQuery({
      from: draft.from,
      to: draft.to,
      ...(draft.minCitizens !== undefined ? { minCitizens: draft.minCitizens } : {}),
      ...(draft.maxOwnPercent !== undefined ? { maxOwnPercent: draft.maxOwnPercent } : {}),
      ...(draft.workStartHour !== undefined ? { workStartHour: draft.workStartHour } : {}),
      ...(draft.workEndHour !== undefined ? { workEndHour: draft.workEndHour } : {}),
    });
  return (
    <Stack gap="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput type="date" label={t('from')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} required />
          <TextInput type="date" label={t('to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} required />
          <NumberInput label={t('minCitizens')} value={draft.minCitizens ?? ''} onChange={(v) => setDraft({ ...draft, minCitizens: int(v) })} min={1} allowDecimal={false} w={170} />
          <NumberInput label={t('maxOwnPercent')} value={draft.maxOwnPercent ?? ''} onChange={(v) => setDraft({ ...draft, maxOwnPercent: int(v) })} min={0} max={100} allowDecimal={false} w={200} />
          <NumberInput label={t('workStartHour')} value={draft.workStartHour ?? ''} onChange={(v) => setDraft({ ...draft, workStartHour: int(v) })} min={0} max={23} allowDecimal={false} w={150} />
          <NumberInput label={t('workEndHour')} value={draft.workEndHour ?? ''} onChange={(v) => setDraft({ ...draft, workEndHour: int(v) })} min={1} max={24} allowDecimal={false} w={150} />
          <Button type="submit">{t('showAlerts')}</Button>
        </Group>
      </form>
      {alerts.isError ? <ErrorAlert error={alerts.error} /> : null}
      {alerts.data ? (
        <DataTable
          label={t('alerts')}
          rows={alerts.data.alerts}
          rowKey={(a: AuditReviewAlert) => a.user.id}
          emptyText={t('noAlerts')}
          stackOnNarrow
          columns={[
            { key: 'user', header: t('alertUser'), rowHeader: true, render: (a) => `${a.user.name} (${a.user.username})` },
            { key: 'reasons', header: t('alertReasons'), render: (a) => a.reasons.map((r) => t(`reasons.${r}`)).join('; ') },
            { key: 'citizens', header: t('alertCitizens'), numeric: true, render: (a) => a.citizens },
            { key: 'own', header: t('alertOwn'), numeric: true, render: (a) => a.ownCitizens },
            { key: 'reads', header: t('alertReads'), numeric: true, render: (a) => a.reads },
            { key: 'outside', header: t('alertOutside'), numeric: true, render: (a) => a.outsideHours },
            {
              key: 'show',
              header: '',
              render: (a) => (
                <Anchor component="button" type="button" onClick={() => onUser({ id: a.user.id, name: a.user.name })} aria-label={`${t('showUser')}: ${a.user.name}`}>
                  {t('showUser')}
                </Anchor>
              ),
            },
          ]}
        />
      ) : null}
    </Stack>
  );
}
