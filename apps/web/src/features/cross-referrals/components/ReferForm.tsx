import { Alert, Button, Checkbox, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { sharablePlanFields, type CourseCrossReferrals, type SharablePlanField } from '@samkraft/contracts/cross-referrals';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { danishToday } from '../../assessments/utils/today.ts';
import { usePreview, useSendCrossReferral } from '../hooks/useCrossReferrals.ts';
import { SnapshotView } from './SnapshotView.tsx';

type Props = { courseId: string; data: CourseCrossReferrals };

/** Choose the offering, record consent, choose what to share, preview exactly that, and send. */
export function ReferForm({ courseId, data }: Props) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  // An offering hosted at home is not a cross-municipal referral; the server refuses it too.
  const abroad = data.routedOfferings.filter((o) => o.hostMunicipalityCode !== data.homeMunicipalityCode);
  const [offeringId, setOfferingId] = useState(abroad[0]?.offeringId ?? '');
  const [consent, setConsent] = useState(false);
  const [consentOn, setConsentOn] = useState(danishToday());
  const [planFields, setPlanFields] = useState<SharablePlanField[]>([]);
  const [assessmentItems, setAssessmentItems] = useState<string[]>([]);
  const preview = usePreview(courseId);
  const send = useSendCrossReferral(courseId);
  const errors = { ...useFieldErrors(preview.error), ...useFieldErrors(send.error) };
  const share = { planFields, assessmentItems };
  const reset = () => {
    preview.reset();
    send.reset();
  };
  if (abroad.length === 0) return <EmptyState text={t('offeringsEmpty')} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ offeringId, consentOn, share }, { onSuccess: () => preview.reset() });
  };
  return (
    <Stack component="form" gap="md" onSubmit={submit} aria-label={t('title')}>
      <Radio.Group
        label={t('offeringsTitle')}
        value={offeringId}
        onChange={(v) => {
          setOfferingId(v);
          reset();
        }}
        error={errors.offeringId}
        withAsterisk
      >
        <Stack gap={6} mt="xs">
          {abroad.map((o) => (
            <Radio
              key={o.offeringId}
              value={o.offeringId}
              label={`${o.interventionName} — ${o.hostMunicipalityName}, ${o.placeName}${o.inferred ? ` (${t('inferred')})` : ''}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('shareTitle')}
          </Title>
          {data.shareOptions.plan ? (
            <Checkbox.Group
              label={t('planFieldsLabel', { version: data.shareOptions.plan.version })}
              value={planFields}
              onChange={(v) => {
                setPlanFields(v);
                reset();
              }}
              error={errors['share.planFields']}
            >
              <Group mt="xs" gap="md">
                {sharablePlanFields.map((f) => (
                  <Checkbox key={f} value={f} label={t(`planFields.${f}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          ) : (
            <Text>{t('noPlan')}</Text>
          )}
          {data.shareOptions.assessment ? (
            <Checkbox.Group
              label={t('assessmentLabel', { date: formatDate(data.shareOptions.assessment.assessedOn, language) })}
              value={assessmentItems}
              onChange={(v) => {
                setAssessmentItems(v);
                reset();
              }}
              error={errors['share.assessmentItems']}
            >
              <Group mt="xs" gap="md">
                {data.shareOptions.assessment.problems.map((p) => (
                  <Checkbox key={p.itemCode} value={p.itemCode} label={p.label} />
                ))}
              </Group>
            </Checkbox.Group>
          ) : (
            <Text>{t('noAssessment')}</Text>
          )}
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
