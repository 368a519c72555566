import { Alert, Button, Checkbox, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CourseCrossReferrals } from '@samkraft/contracts/cross-referrals';
import type { CourseSuggestions } from '@samkraft/contracts/suggestions';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import type { Share } from '../api/crossReferralsApi.ts';
import { usePreview, useSendCrossReferral } from '../hooks/useCrossReferrals.ts';
import { referChoices, type ReferChoice } from '../utils/referChoices.ts';
import { SharePicker } from './SharePicker.tsx';
import { SnapshotView } from './SnapshotView.tsx';

type Props = { courseId: string; data: CourseCrossReferrals; suggestions: CourseSuggestions };

/** Choose among the suggestions, choose what to share, preview exactly that, record consent and send. */
export function ReferForm({ courseId, data, suggestions }: Props) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  const choices = referChoices(suggestions, data.homeMunicipalityCode, language);
  const [offeringId, setOfferingId] = useState(choices[0]?.offeringId ?? '');
  const [consent, setConsent] = useState(false);
  const [consentOn, setConsentOn] = useState(danishToday());
  const [share, setShare] = useState<Share>({ planFields: [], assessmentItems: [] });
  const preview = usePreview(courseId);
  const send = useSendCrossReferral(courseId);
  const errors = { ...useFieldErrors(preview.error), ...useFieldErrors(send.error) };
  const reset = () => {
    preview.reset();
    send.reset();
    setConsent(false);
  };
  if (choices.length === 0) return <EmptyState text={t('choicesEmpty')} />;
  const chosen = choices.find((c) => c.offeringId === offeringId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ offeringId, consentOn, share }, { onSuccess: () => preview.reset() });
  };
  return (
    <Stack component="form" gap="md" onSubmit={submit} aria-label={t('title')}>
      <Radio.Group
        label={t('choicesTitle')}
        description={t('choicesIntro')}
        value={offeringId}
        onChange={(v) => {
          setOfferingId(v);
          reset();
        }}
        error={errors.offeringId}
        withAsterisk
      >
        <Stack gap="sm" mt="xs">
          {choices.map((c) => (
            <Radio
              key={c.offeringId}
              value={c.offeringId}
              label={`${c.interventionName} — ${c.hostName}, ${c.placeName}${c.inferred ? ` (${t('inferred')})` : ''}`}
              description={<ChoiceFacts choice={c} />}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Text size="xs" c="dimmed">
        {t('distanceNote')}
      </Text>
      {chosen ? <Text fw={600}>{t('chosen', { intervention: chosen.interventionName, host: chosen.hostName, place: chosen.placeName })}</Text> : null}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('shareTitle')}
          </Title>
          <SharePicker
            options={data.shareOptions}
            value={share}
            onChange={(s) => {
              setShare(s);
              reset();
            }}
            errors={errors}
          />
        </Stack>
      </Paper>
      <Group>
        <Button variant="light" onClick={() => preview.mutate({ offeringId, share })} loading={preview.isPending}>
          {t('preview')}
        </Button>
      </Group>
      {preview.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={preview.error} /> : null}
      {preview.data ? (
        <Paper withBorder p="md" aria-label={t('previewTitle')} component="section">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('previewTitle')}
            </Title>
            <SnapshotView snapshot={preview.data} headingLevel={4} />
            <Checkbox label={t('consentCheck')} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
            <TextInput type="date" label={t('consentOn')} value={consentOn} max={danishToday()} onChange={(e) => setConsentOn(e.currentTarget.value)} error={errors.consentOn} withAsterisk w={220} />
            <Group>
              <Button type="submit" disabled={!consent} loading={send.isPending}>
                {t('send')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {send.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={send.error} /> : null}
      {send.isSuccess ? (
        <Alert color="green" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
          {t('sent')}
        </Alert>
      ) : null}
    </Stack>
  );
}

function ChoiceFacts({ choice: c }: { choice: ReferChoice }) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  const km = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 });
  const facts = [
    c.distanceKm === null ? t('distanceUnknown') : t('distance', { km: km.format(c.distanceKm) }),
    t('nextStart', { date: c.nextTeamStartOn ? formatDate(c.nextTeamStartOn, language) : t('noTeam') }),
    t('freeSeats', { seats: c.waiting > 0 ? t('waitingSeats', { free: c.freeSeats, waiting: c.waiting }) : String(c.freeSeats) }),
    t('expectedWait', { wait: c.expectedWaitWeeks === null ? t('unknown') : t('weeks', { count: c.expectedWaitWeeks }) }),
  ];
  return <span style={{ color: '#495057' }}>{facts.join(' · ')}</span>;
}
