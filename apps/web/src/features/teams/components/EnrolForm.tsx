import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { EnrolmentCandidate } from '@samkraft/contracts/teams';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useEnrol } from '../hooks/useTeams.ts';
import { DecimalInput } from '../../../ui/DecimalInput.tsx';

/** Enrols the citizen of an accepted referral from a start date (rolling admission). */
export function EnrolForm({ teamId, candidates, today }: { teamId: string; candidates: readonly EnrolmentCandidate[]; today: string }) {
  const { t } = useTranslation('teams');
  const { language } = useLanguage();
  const enrol = useEnrol(teamId);
  const errors = useFieldErrors(enrol.error);
  const [referral, setReferral] = useState(candidates[0]?.crossReferralId ?? '');
  const [startOn, setStartOn] = useState(today);
  const [quota, setQuota] = useState<number | string>('');
  if (candidates.length === 0 && !enrol.data) return <Text>{t('enrolEmpty')}</Text>;
  const chosen = candidates.some((c) => c.crossReferralId === referral) ? referral : (candidates[0]?.crossReferralId ?? '');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    enrol.mutate({ crossReferralId: chosen, startOn, ...(quota === '' ? {} : { quota: Number(quota) }) });
  };
  return (
    <Stack gap="sm">
      {enrol.data ? (
        <Alert color={enrol.data.status === 'enrolled' ? 'green' : 'yellow'} role="status">
          {t(enrol.data.status === 'enrolled' ? 'enrol.enrolled' : 'enrol.waiting', { name: enrol.data.citizen.name })}
        </Alert>
      ) : null}
      {candidates.length === 0 ? (
        <Text>{t('enrolEmpty')}</Text>
      ) : (
        <form onSubmit={onSubmit} aria-label={t('enrolTitle')}>
          <Group align="flex-end">
            <NativeSelect
              label={t('enrol.referral')}
              value={chosen}
              onChange={(e) => setReferral(e.currentTarget.value)}
              data={candidates.map((c) => ({
                value: c.crossReferralId,
                label: t('candidate', { name: c.citizen.name, identifier: c.citizen.identifier, home: c.citizen.homeMunicipality, date: formatDate(c.receivedOn, language) }),
              }))}
              error={errors.crossReferralId}
            />
            <TextInput type="date" label={t('enrol.startOn')} required value={startOn} onChange={(e) => setStartOn(e.currentTarget.value)} error={errors.startOn} />
            <DecimalInput label={t('enrol.quota')} min={1} max={200} w={160} value={quota} onChange={setQuota} error={errors.quota} />
            <Button type="submit" loading={enrol.isPending}>
              {t('enrol.submit')}
            </Button>
          </Group>
          {enrol.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={enrol.error} /> : null}
        </form>
      )}
    </Stack>
  );
}
