import { Button, Group, List, Stack, TextInput } from '@mantine/core';
import type { IncomingReferral } from '@samkraft/contracts/cross-referrals';
import { standardTestRules, type RecordedMeasurement } from '@samkraft/contracts/measurements';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { DecimalInput, type DecimalValue } from '../../../ui/DecimalInput.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { formatDecimal } from '../../../ui/utils/parseDecimal.ts';
import { useCorrectMeasurement } from '../hooks/useProviderInbox.ts';

type Assessment = IncomingReferral['deeperAssessments'][number];

export type MeasurementTableProps = { referralId: string; assessment: Assessment };

/** A deeper assessment's measurements as they stand, each with its history and a way to correct it. */
export function MeasurementTable({ referralId, assessment }: MeasurementTableProps) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  const [correcting, setCorrecting] = useState<string | null>(null);
  const testName = (m: RecordedMeasurement) => t(`tests.${m.testCode}`);
  const columns: Column<RecordedMeasurement>[] = [
    { key: 'test', header: t('measurementColumns.test'), rowHeader: true, render: testName },
    {
      key: 'value',
      header: t('measurementColumns.value'),
      nowrap: true,
      render: (m) => (
        <Group gap="xs" wrap="nowrap">
          <span>{`${formatDecimal(m.value, language)} ${m.unit}`}</span>
          {m.versions.length > 1 ? <Tag tone="yellow">{t('corrected')}</Tag> : null}
        </Group>
      ),
    },
    {
      key: 'history',
      header: t('measurementColumns.history'),
      render: (m) => (
        <Stack gap={4}>
          <List size="sm" aria-label={t('historyOf', { test: testName(m) })}>
            {m.versions.map((v) => {
              const args = { value: formatDecimal(v.value, language), unit: m.unit, date: formatDate(danishDateOf(v.recordedAt), language), by: v.recordedBy ? t('versionBy', { name: v.recordedBy }) : '' };
              return <List.Item key={v.version}>{v.reason === null ? t('versionRecorded', args) : t('versionCorrected', { ...args, reason: v.reason })}</List.Item>;
            })}
          </List>
          {correcting === m.testCode ? (
            <CorrectionForm referralId={referralId} assessmentId={assessment.id} measurement={m} title={t('correctTitle', { test: testName(m) })} onDone={() => setCorrecting(null)} />
          ) : (
            <Group>
              <Button size="compact-sm" variant="light" onClick={() => setCorrecting(m.testCode)} aria-label={t('correctTitle', { test: testName(m) })}>
                {t('correct')}
              </Button>
            </Group>
          )}
        </Stack>
      ),
    },
  ];
  if (assessment.tests.length === 0) return null;
  return <DataTable columns={columns} rows={assessment.tests} rowKey={(m) => m.testCode} emptyText="" label={t('measurementsOf', { date: formatDate(assessment.assessedOn, language) })} />;
}

type CorrectionFormProps = { referralId: string; assessmentId: string; measurement: RecordedMeasurement; title: string; onDone: () => void };

function CorrectionForm({ referralId, assessmentId, measurement, title, onDone }: CorrectionFormProps) {
  const { t } = useTranslation('crossReferrals');
  const mutation = useCorrectMeasurement(referralId, assessmentId);
  const errors = useFieldErrors(mutation.error);
  const [value, setValue] = useState<DecimalValue>(measurement.value);
  const [reason, setReason] = useState('');
  const rule = standardTestRules[measurement.testCode];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value === '' || Number.isNaN(value)) return;
    mutation.mutate({ testCode: measurement.testCode, value, reason }, { onSuccess: onDone });
  };
  return (
    <Stack component="form" gap="xs" onSubmit={submit} aria-label={title}>
      <Group align="flex-start">
        <DecimalInput label={t('correctValue', { unit: measurement.unit })} value={value} onChange={setValue} min={rule.min} max={rule.max} decimals={rule.decimals} error={errors.value} required w={180} />
        <TextInput label={t('correctReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} required maxLength={1000} />
      </Group>
      <Group>
        <Button type="submit" size="compact-sm" loading={mutation.isPending}>
          {t('saveCorrection')}
        </Button>
        <Button size="compact-sm" variant="subtle" onClick={onDone}>
          {t('cancel')}
        </Button>
      </Group>
      {mutation.error && Object.keys(errors).length === 0 ? <ErrorAlert error={mutation.error} /> : null}
    </Stack>
  );
}
