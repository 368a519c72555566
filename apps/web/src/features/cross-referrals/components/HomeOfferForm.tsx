import { Alert, Button, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { CourseCrossReferrals, HomeOfferBody } from '@samkraft/contracts/cross-referrals';
import type { CourseSuggestions } from '@samkraft/contracts/suggestions';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';
import { useAllMunicipalities, useRecordHomeOffer } from '../hooks/useCrossReferrals.ts';

type Kind = HomeOfferBody['kind'];
const kinds: readonly Kind[] = ['home', 'temporary_home', 'free_choice_outside'];
type Props = { courseId: string; data: CourseCrossReferrals; suggestions: CourseSuggestions };

/**
 * A home or temporary home offer (the must-use rule asks for a reason where a cross-municipal
 * offering covers the need), or the citizen's free choice outside the collaboration (§140).
 * Recorded as such; nothing is sent to anyone.
 */
export function HomeOfferForm({ courseId, data, suggestions }: Props) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  const mutation = useRecordHomeOffer(courseId);
  const municipalities = useAllMunicipalities();
  const [kind, setKind] = useState<Kind>('temporary_home');
  const [offeringId, setOfferingId] = useState(data.homeOfferings[0]?.offeringId ?? '');
  const [reason, setReason] = useState('');
  const [interventionCode, setInterventionCode] = useState(suggestions.suggestions[0]?.interventionCode ?? '');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [decidedOn, setDecidedOn] = useState(danishToday());
  const errors = useFieldErrors(mutation.error);
  const atHome = kind !== 'free_choice_outside';
  const offering = data.homeOfferings.find((o) => o.offeringId === offeringId);
  const reasonRequired = atHome && offering?.parallelHomeReasonRequired === true;
  const others = (municipalities.data ?? []).filter((m) => m.code !== data.homeMunicipalityCode);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: HomeOfferBody = atHome
      ? { kind, offeringId, decidedOn, ...(reason.trim() ? { parallelHomeReason: reason.trim() } : {}) }
      : { kind: 'free_choice_outside', interventionCode, providerMunicipalityCode: municipalityCode, decidedOn };
    mutation.mutate(body, {
      onSuccess: () => setReason(''),
    });
  };
  return (
    <Stack component="form" gap="md" onSubmit={submit} aria-label={t('homeTitle')}>
      <Radio.Group
        label={t('offerKind')}
        value={kind}
        onChange={(v) => {
          setKind(v);
          mutation.reset();
        }}
        withAsterisk
      >
        <Stack gap={6} mt="xs">
          {kinds.map((k) => (
            <Radio key={k} value={k} label={t(`offerKinds.${k}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {atHome ? (
        data.homeOfferings.length === 0 ? (
          <Text>{t('homeOfferingsEmpty')}</Text>
        ) : (
          <>
            <NativeSelect
              label={t('homeOffering')}
              value={offeringId}
              data={data.homeOfferings.map((o) => ({ value: o.offeringId, label: `${o.interventionName} — ${o.placeName}` }))}
              onChange={(e) => {
                setOfferingId(e.currentTarget.value);
                mutation.reset();
              }}
              error={errors.offeringId}
              withAsterisk
            />
            {reasonRequired ? (
              <>
                <Alert color="yellow" variant="light" title={t('mustUseTitle')} styles={{ message: { color: '#1a1a1a' }, title: { color: '#1a1a1a' } }}>
                  {t('mustUseText')}
                </Alert>
                <Textarea label={t('mustUseReason')} autosize minRows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.parallelHomeReason} withAsterisk />
              </>
            ) : (
              <Text size="sm">{t('mustUseNotNeeded')}</Text>
            )}
          </>
        )
      ) : (
        <>
          <Text size="sm">{t('freeChoiceText')}</Text>
          <Group align="flex-start" grow>
            <NativeSelect
              label={t('freeIntervention')}
              value={interventionCode}
              data={suggestions.suggestions.map((s) => ({ value: s.interventionCode, label: language === 'en' ? s.nameEn : s.nameDa }))}
              onChange={(e) => setInterventionCode(e.currentTarget.value)}
              error={errors.interventionCode}
              withAsterisk
            />
            <NativeSelect
              label={t('freeMunicipality')}
              value={municipalityCode}
              data={[{ value: '', label: t('chooseMunicipality') }, ...others.map((m) => ({ value: m.code, label: m.name }))]}
              onChange={(e) => setMunicipalityCode(e.currentTarget.value)}
              error={errors.providerMunicipalityCode}
              withAsterisk
            />
          </Group>
        </>
      )}
      <TextInput type="date" label={t('decidedOnLabel')} value={decidedOn} max={danishToday()} onChange={(e) => setDecidedOn(e.currentTarget.value)} error={errors.decidedOn} withAsterisk w={220} />
      <Group>
        <Button type="submit" variant="light" loading={mutation.isPending}>
          {t('recordOffer')}
        </Button>
      </Group>
      {mutation.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
      {mutation.isSuccess ? (
        <Alert color="green" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
          {t('offerRecorded')}
        </Alert>
      ) : null}
    </Stack>
  );
}
