import { Button, Group, NativeSelect, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { citizenDeclineReasons, deeperAssessmentProfessions, type IncomingReferral } from '@samkraft/contracts/cross-referrals';
import { standardTestRules, standardTests, standardTestUnits, type StandardTest } from '@samkraft/contracts/measurements';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DecimalInput, type DecimalValue } from '../../../ui/DecimalInput.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import { useAccept, useCitizenDecline, useDecline, useDeeperAssessment } from '../hooks/useProviderInbox.ts';

type Props = { referral: IncomingReferral };

function FormError({ error, fields }: { error: unknown; fields: Record<string, string> }) {
  return error && Object.keys(fields).length === 0 ? <ErrorAlert error={error} /> : null;
}

export function AcceptForm({ referral }: Props) {
  const { t } = useTranslation('crossReferrals');
  const mutation = useAccept(referral.id);
  const [contactOn, setContactOn] = useState(danishToday());
  const errors = useFieldErrors(mutation.error);
  return (
    <Group
      component="form"
      align="flex-end"
      aria-label={t('acceptTitle')}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        mutation.mutate(contactOn);
      }}
    >
      <TextInput type="date" label={t('contactOn')} value={contactOn} min={referral.receivedOn} max={danishToday()} onChange={(e) => setContactOn(e.currentTarget.value)} error={errors.contactOn} withAsterisk />
      <Button type="submit" loading={mutation.isPending}>
        {t('accept')}
      </Button>
      <FormError error={mutation.error} fields={errors} />
    </Group>
  );
}

export function DeclineForm({ referral }: Props) {
  const { t } = useTranslation('crossReferrals');
  const mutation = useDecline(referral.id);
  const [reason, setReason] = useState('');
  const errors = useFieldErrors(mutation.error);
  return (
    <Stack
      component="form"
      gap="xs"
      aria-label={t('declineTitle')}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        mutation.mutate(reason);
      }}
    >
      <Textarea label={t('declineReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} withAsterisk autosize minRows={2} />
      <Group>
        <Button type="submit" color="red" variant="light" loading={mutation.isPending}>
          {t('decline')}
        </Button>
      </Group>
      <FormError error={mutation.error} fields={errors} />
    </Stack>
  );
}

export function CitizenDeclineForm({ referral }: Props) {
  const { t } = useTranslation('crossReferrals');
  const mutation = useCitizenDecline(referral.id);
  const [declinedOn, setDeclinedOn] = useState(danishToday());
  const [reason, setReason] = useState<string>('not_relevant');
  const [note, setNote] = useState('');
  const errors = useFieldErrors(mutation.error);
  return (
    <Stack
      component="form"
      gap="xs"
      aria-label={t('citizenDeclineTitle')}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        mutation.mutate({ declinedOn, reason, ...(note ? { note } : {}) });
      }}
    >
      <Group align="flex-start">
        <TextInput type="date" label={t('declinedOn')} value={declinedOn} onChange={(e) => setDeclinedOn(e.currentTarget.value)} error={errors.declinedOn} withAsterisk />
        <NativeSelect label={t('citizenDeclineReason')} value={reason} data={citizenDeclineReasons.map((r) => ({ value: r, label: t(`declineReasons.${r}`) }))} onChange={(e) => setReason(e.currentTarget.value)} />
      </Group>
      <TextInput label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
      <Group>
        <Button type="submit" variant="default" loading={mutation.isPending}>
          {t('recordCitizenDecline')}
        </Button>
      </Group>
      <FormError error={mutation.error} fields={errors} />
    </Stack>
  );
}

export function DeeperAssessmentForm({ referral }: Props) {
  const { t } = useTranslation('crossReferrals');
  const mutation = useDeeperAssessment(referral.id);
  const [assessedOn, setAssessedOn] = useState(danishToday());
  const [profession, setProfession] = useState<string>('physiotherapist');
  const [findings, setFindings] = useState('');
  const [values, setValues] = useState<Partial<Record<StandardTest, DecimalValue>>>({});
  // The tests sent, in order: the server names a refused one by its index in them (`tests[1].value`).
  const [sent, setSent] = useState<StandardTest[]>([]);
  const [goals, setGoals] = useState('');
  const errors = useFieldErrors(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const tests = standardTests.flatMap((c) => {
      const value = values[c];
      return typeof value === 'number' ? [{ testCode: c, value }] : [];
    });
    // A refused number blocks the form in the browser already; this is the type's guard.
    if (tests.some((x) => Number.isNaN(x.value))) return;
    setSent(tests.map((x) => x.testCode));
    const goalList = goals.split('\n').map((g) => g.trim()).filter(Boolean);
    mutation.mutate(
      { assessedOn, profession, findings, tests, goals: goalList },
      {
        onSuccess: () => {
          setFindings('');
          setValues({});
          setGoals('');
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('deeperTitle')}>
      <Stack gap="sm">
        <Group align="flex-start">
          <TextInput type="date" label={t('assessedOn')} value={assessedOn} onChange={(e) => setAssessedOn(e.currentTarget.value)} error={errors.assessedOn} withAsterisk />
          <NativeSelect label={t('profession')} value={profession} data={deeperAssessmentProfessions.map((p) => ({ value: p, label: t(`professions.${p}`) }))} onChange={(e) => setProfession(e.currentTarget.value)} />
        </Group>
        <Textarea label={t('findings')} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} error={errors.findings} withAsterisk autosize minRows={3} />
        <Title order={3} size="h5">
          {t('testsTitle')}
        </Title>
        <Group align="flex-start">
          {standardTests.map((c) => (
            <DecimalInput
              key={c}
              label={`${t(`tests.${c}`)} (${standardTestUnits[c]})`}
              value={values[c] ?? ''}
              {...standardTestRules[c]}
              onChange={(v) => setValues({ ...values, [c]: v })}
              error={sent.includes(c) ? errors[`tests[${sent.indexOf(c)}].value`] : undefined}
              w={200}
            />
          ))}
        </Group>
        <Textarea label={t('goals')} value={goals} onChange={(e) => setGoals(e.currentTarget.value)} autosize minRows={2} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('saveDeeper')}
          </Button>
        </Group>
        <FormError error={mutation.error} fields={errors} />
      </Stack>
    </Paper>
  );
}
