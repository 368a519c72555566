import { Alert, Anchor, Button, Checkbox, Fieldset, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { legalBases, referralSources, targetGroupOutsideReasons, targetGroups, treatmentStatuses, type NewReferralBody, type NewReferralResult } from '@samkraft/contracts/referrals';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../../../api/apiRequestError.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { fieldElementId } from '../../../ui/utils/errorSummary.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { createReferral, fetchDiagnoses, fetchOrganisations, lookupCitizen } from '../api/referralsApi.ts';
import { checkCpr } from '../utils/checkCpr.ts';
import { INTAKE_FORM_ID, intakeFieldLabelKeys, intakeFieldOrder, isIntakeField, openCourseIdFrom, type IntakeField } from '../utils/fieldErrors.ts';
import { emptyReferralForm, keepRecordContact, type ReferralForm, toReferralBody } from '../utils/referralForm.ts';
import { CitizenFields } from './CitizenFields.tsx';
import { GpClinicFields } from './GpClinicFields.tsx';
import { oneOf } from '@samkraft/contracts/common';

export type NewReferralFormProps = {
  today: string;
  /**
   * The form prefilled (a hospital referral's draft). Its address and phone are the sender's
   * word: for a citizen on record here they are cleared once the CPR is known, so the record's
   * stay unless the user types new ones.
   */
  initial?: ReferralForm;
  /** Registers the referral (the typed intake's route unless given). */
  submitReferral?: (body: NewReferralBody) => Promise<NewReferralResult>;
  submitLabel?: string;
  intro?: string;
  /** After a successful registration, besides going to the new course. */
  onRegistered?: (result: NewReferralResult) => void;
};

export function NewReferralForm({ today, initial, submitReferral = createReferral, submitLabel, intro, onRegistered }: NewReferralFormProps) {
  const { t } = useTranslation('referrals');
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [form, setForm] = useState<ReferralForm>(() => initial ?? emptyReferralForm(today));
  const [cprTouched, setCprTouched] = useState(false);
  const set = <K extends keyof ReferralForm>(key: K, value: ReferralForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const diagnoses = useQuery({ queryKey: ['diagnoses'], queryFn: fetchDiagnoses, staleTime: Infinity });
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: () => fetchOrganisations(), staleTime: 300_000 });
  const cpr = checkCpr(form.cpr);
  const lookup = useQuery({ queryKey: ['citizen-lookup', cpr.ok ? cpr.value : null], queryFn: () => lookupCitizen(cpr.ok ? cpr.value : ''), enabled: cpr.ok });
  const known = lookup.data?.known === true;
  useEffect(() => {
    if (known && initial) setForm((f) => keepRecordContact(f, initial));
  }, [known, initial]);
  const submit = useMutation({
    mutationFn: (allowDuplicate: boolean) => submitReferral(toReferralBody(form, allowDuplicate)),
    onSuccess: (r) => {
      onRegistered?.(r);
      void navigate({ to: '/forloeb/$courseId', params: { courseId: r.courseId } });
    },
  });

  // A 409 (open course) names allowDuplicate too; only a 400 marks the form's fields.
  // The form's own label for a refused field (`citizen.cpr` → "CPR-nummer"); the summary shows the path if it has none.
  const fieldLabel = (field: string): string | undefined => (isIntakeField(field) ? t(`intake.${intakeFieldLabelKeys[field]}`) : undefined);
  const fid = (field: IntakeField) => fieldElementId(INTAKE_FORM_ID, field);
  const serverErrors = useFieldErrors(isApiRequestError(submit.error) && submit.error.code === 'validation' ? submit.error : null);
  const duplicateId = isApiRequestError(submit.error) && submit.error.code === 'conflict' ? openCourseIdFrom(submit.error.fields) : null;
  const openCourse = lookup.data?.openCourse ?? (duplicateId ? { courseId: duplicateId, receivedOn: null } : null);
  const isGop = form.source === 'hospital_gop';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setCprTouched(true);
    submit.mutate(false);
  };
  const orgOptions = [{ value: '', label: t('intake.organisationNone') }, ...(organisations.data ?? []).map((o) => ({ value: o.id, label: o.parentName ? `${o.parentName} – ${o.name}` : o.name }))];
  const dxOptions = [
    { value: '', label: t('intake.diagnosisChoose') },
    ...(diagnoses.data ?? []).map((d) => ({ value: d.code, label: `${d.code} ${language === 'en' && d.titleEn ? d.titleEn : d.titleDa}` })),
  ];
  const enumOptions = <T extends string>(values: readonly T[], label: (v: T) => string) => [{ value: '', label: '' }, ...values.map((v) => ({ value: v, label: label(v) }))];

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby="intake-intro">
      <Stack gap="lg">
        <Text id="intake-intro">{intro ?? t('intake.intro')}</Text>
        {/* At the top, as the design system places it: the refused submit moves focus here. */}
        <ErrorSummary errors={serverErrors} formId={INTAKE_FORM_ID} label={fieldLabel} order={intakeFieldOrder} focusKey={submit.error} />
        <CitizenFields form={form} set={set} errors={serverErrors} lookup={lookup.data} cprTouched={cprTouched} onCprBlur={() => setCprTouched(true)} />
        {openCourse ? (
          <Alert color="yellow" title={t('intake.duplicateTitle')} styles={{ title: { color: '#1a1a1a' } }} role="status">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{openCourse.receivedOn ? t('intake.duplicateText', { receivedOn: formatDate(openCourse.receivedOn, language) }) : t('intake.duplicateTextShort')}</Text>
              <Anchor href={`/forloeb/${openCourse.courseId}`}>{t('intake.openCourse')}</Anchor>
            </Stack>
          </Alert>
        ) : null}
        <Fieldset legend={t('intake.referral')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput id={fid('receivedOn')} type="date" label={t('intake.receivedOn')} required max={today} value={form.receivedOn} onChange={(e) => set('receivedOn', e.currentTarget.value)} error={serverErrors.receivedOn} />
            <NativeSelect id={fid('source')} label={t('intake.source')} required value={form.source} onChange={(e) => set('source', oneOf(['', ...referralSources], e.currentTarget.value))} data={enumOptions(referralSources, (v) => t(`source.${v}`))} error={serverErrors.source} />
            {isGop ? (
              <TextInput id={fid('legalBasis')} label={t('intake.legalBasis')} value={t('legalBasis.SUL140')} readOnly description={t('intake.legalBasisGop')} />
            ) : (
              <NativeSelect id={fid('legalBasis')} label={t('intake.legalBasis')} required value={form.legalBasis} onChange={(e) => set('legalBasis', oneOf(['', ...legalBases], e.currentTarget.value))} data={enumOptions(legalBases, (v) => t(`legalBasis.${v}`))} error={serverErrors.legalBasis} />
            )}
            <NativeSelect id={fid('referringOrganisationId')} label={t('intake.organisation')} value={form.referringOrganisationId} onChange={(e) => set('referringOrganisationId', e.currentTarget.value)} data={orgOptions} error={serverErrors.referringOrganisationId} />
            <TextInput id={fid('referringText')} label={t('intake.referringText')} value={form.referringText} onChange={(e) => set('referringText', e.currentTarget.value)} error={serverErrors.referringText} />
            <NativeSelect id={fid('diagnosisCode')} label={t('intake.diagnosis')} required value={form.diagnosisCode} onChange={(e) => set('diagnosisCode', e.currentTarget.value)} data={dxOptions} error={serverErrors.diagnosisCode} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('gp.title')}>
          <Stack gap="sm">
            <Text size="sm">{t('gp.intro')}</Text>
            <GpClinicFields value={form.gp} onChange={(gp) => set('gp', gp)} errors={serverErrors} idOf={fid} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('intake.treatment')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect id={fid('treatmentStatus')} label={t('intake.treatmentStatus')} required value={form.treatmentStatus} onChange={(e) => set('treatmentStatus', oneOf(['', ...treatmentStatuses], e.currentTarget.value))} data={enumOptions(treatmentStatuses, (v) => t(`treatmentStatus.${v}`))} error={serverErrors.treatmentStatus} />
            <div />
            <TextInput id={fid('treatmentStartedOn')} type="date" label={t('intake.treatmentStartedOn')} value={form.treatmentStartedOn} onChange={(e) => set('treatmentStartedOn', e.currentTarget.value)} error={serverErrors.treatmentStartedOn} />
            <TextInput id={fid('treatmentEndedOn')} type="date" label={t('intake.treatmentEndedOn')} value={form.treatmentEndedOn} onChange={(e) => set('treatmentEndedOn', e.currentTarget.value)} error={serverErrors.treatmentEndedOn} />
            {isGop || form.legalBasis === 'SUL140' ? (
              <>
                <TextInput id={fid('dischargedOn')} type="date" label={t('intake.dischargedOn')} required value={form.dischargedOn} onChange={(e) => set('dischargedOn', e.currentTarget.value)} description={t('intake.sul140Hint')} error={serverErrors.dischargedOn} />
                <TextInput id={fid('planClinicalStartOn')} type="date" label={t('intake.planClinicalStartOn')} value={form.planClinicalStartOn} onChange={(e) => set('planClinicalStartOn', e.currentTarget.value)} error={serverErrors.planClinicalStartOn} />
              </>
            ) : null}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('intake.targetGroup')}>
          <Stack gap="md">
            <Radio.Group value={form.targetGroup} onChange={(v) => set('targetGroup', v)} aria-label={t('intake.targetGroup')} error={serverErrors.targetGroup}>
              <Stack gap="xs">
                {targetGroups.map((g, i) => (
                  <Radio key={g} id={i === 0 ? fid('targetGroup') : undefined} value={g} label={t(`targetGroup.${g}`)} />
                ))}
              </Stack>
            </Radio.Group>
            {form.targetGroup === 'outside' || form.targetGroup === 'admitted_individual' ? (
              <Checkbox.Group label={t('intake.reasons')} required={form.targetGroup === 'outside'} value={form.targetGroupReasons} onChange={(v) => set('targetGroupReasons', v)} error={serverErrors.targetGroupReasons}>
                <Stack gap="xs" mt="xs">
                  {targetGroupOutsideReasons.map((r, i) => (
                    <Checkbox key={r} id={i === 0 ? fid('targetGroupReasons') : undefined} value={r} label={t(`reason.${r}`)} />
                  ))}
                </Stack>
              </Checkbox.Group>
            ) : null}
            {form.targetGroup === 'outside' || form.targetGroup === 'admitted_individual' ? (
              <Textarea
                id={fid('targetGroupJustification')}
                label={form.targetGroup === 'admitted_individual' ? t('intake.justification') : t('intake.justificationOutside')}
                required={form.targetGroup === 'admitted_individual'}
                autosize
                minRows={3}
                value={form.targetGroupJustification}
                onChange={(e) => set('targetGroupJustification', e.currentTarget.value)}
                error={serverErrors.targetGroupJustification}
              />
            ) : null}
          </Stack>
        </Fieldset>
        {submit.isError && !isApiRequestError(submit.error) ? <ErrorAlert error={submit.error} /> : null}
        {submit.isError && isApiRequestError(submit.error) && !['validation', 'conflict'].includes(submit.error.code) ? <ErrorAlert error={submit.error} /> : null}
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {submitLabel ?? t('intake.submit')}
          </Button>
          {openCourse ? (
            <Button variant="outline" color="dark" onClick={() => submit.mutate(true)} disabled={submit.isPending}>
              {t('intake.createAnyway')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
