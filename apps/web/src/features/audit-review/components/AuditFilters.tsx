import { Alert, Button, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { AuditReviewFilter } from '@samkraft/contracts/audit-review';
import { auditOutcomes, type AuditOutcome } from '@samkraft/contracts/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useCitizenLookup } from '../hooks/useAuditReview.ts';

/** The filters as the page holds them: the chosen citizen and user by name for the chips. */
export type FilterDraft = {
  citizen: { id: string; name: string } | null;
  user: { id: string; name: string } | null;
  from: string;
  to: string;
  action: string;
  outcome: AuditOutcome | '';
};

export function toFilter(d: FilterDraft): AuditReviewFilter {
  return {
    ...(d.citizen ? { citizenId: d.citizen.id } : {}),
    ...(d.user ? { userId: d.user.id } : {}),
    ...(d.from ? { from: d.from } : {}),
    ...(d.to ? { to: d.to } : {}),
    ...(d.action.trim() ? { action: d.action.trim() } : {}),
    ...(d.outcome ? { outcome: d.outcome } : {}),
  };
}

export type AuditFiltersProps = { draft: FilterDraft; onChange: (d: FilterDraft) => void; onApply: () => void };

export function AuditFilters({ draft, onChange, onApply }: AuditFiltersProps) {
  const { t } = useTranslation('auditReview');
  const [cpr, setCpr] = useState('');
  const lookup = useCitizenLookup();
  const find = () =>
    lookup.mutate(cpr, {
      onSuccess: (r) => {
        if (r.citizen) {
          onChange({ ...draft, citizen: r.citizen });
          setCpr('');
        }
      },
    });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onApply();
      }}
    >
      <Stack gap="sm">
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('cpr')} description={t('cprHint')} value={cpr} onChange={(e) => setCpr(e.currentTarget.value)} maxLength={20} autoComplete="off" />
          <Button variant="default" onClick={find} loading={lookup.isPending} disabled={cpr.trim() === ''}>
            {t('findCitizen')}
          </Button>
        </Group>
        {lookup.isError ? <ErrorAlert error={lookup.error} /> : null}
        {lookup.data && !lookup.data.citizen ? <Alert color="yellow">{t('citizenNotFound')}</Alert> : null}
        {draft.citizen || draft.user ? (
          <Group gap="md">
            {draft.citizen ? (
              <Group gap={4}>
                <Text>{t('citizenChosen', { name: draft.citizen.name })}</Text>
                <CloseButton aria-label={`${t('clear')}: ${draft.citizen.name}`} onClick={() => onChange({ ...draft, citizen: null })} />
              </Group>
            ) : null}
            {draft.user ? (
              <Group gap={4}>
                <Text>{t('user', { name: draft.user.name })}</Text>
                <CloseButton aria-label={`${t('clear')}: ${draft.user.name}`} onClick={() => onChange({ ...draft, user: null })} />
              </Group>
            ) : null}
          </Group>
        ) : null}
        <Group align="flex-end" wrap="wrap">
          <TextInput type="date" label={t('from')} value={draft.from} onChange={(e) => onChange({ ...draft, from: e.currentTarget.value })} />
          <TextInput type="date" label={t('to')} value={draft.to} onChange={(e) => onChange({ ...draft, to: e.currentTarget.value })} />
          <TextInput label={t('action')} value={draft.action} onChange={(e) => onChange({ ...draft, action: e.currentTarget.value })} maxLength={100} />
          <Select
            label={t('outcome')}
            data={[{ value: '', label: t('anyOutcome') }, ...auditOutcomes.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))]}
            value={draft.outcome}
            onChange={(v) => onChange({ ...draft, outcome: auditOutcomes.find((o) => o === v) ?? '' })}
            allowDeselect={false}
          />
          <Button type="submit">{t('show')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
