import { Alert, Button, Checkbox, Group, List, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { KlExportSummary } from '@samkraft/contracts/kl-gateway';
import { klLegalBases, type KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';
import { oneOf } from '@samkraft/contracts/common';
import { isoDateParts } from '@samkraft/contracts/typed';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useCreateKlExport } from '../hooks/useKlGateway.ts';

/** The calendar day after an ISO date, computed on its parts (no instant, so no time zone). */
function dayAfter(date: string): string {
  const [y, m, d] = isoDateParts(date);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}
const monthStart = (today: string) => `${today.slice(0, 8)}01`;

export type KlExportFormProps = { municipality: string; today: string; exports: readonly KlExportSummary[] };

/**
 * Makes one delivery: the period starts the day after the basis' last delivery ended (or on the
 * first of the month) and ends today. The browser saves the ZIP; its summary lands in the list.
 */
export function KlExportForm({ municipality, today, exports }: KlExportFormProps) {
  const { t } = useTranslation('klGateway');
  const create = useCreateKlExport(municipality);
  const [basis, setBasis] = useState<KlLegalBasis>('SUL140');
  const lastTo = exports.find((e) => e.legalBasis === basis && e.mode === 'incremental')?.to;
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState(today);
  const [full, setFull] = useState(false);
  const errors = useFieldErrors(create.error);
  const fromValue = from ?? (lastTo && lastTo < today ? dayAfter(lastTo) : monthStart(today));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ municipality, legalBasis: basis, from: fromValue, to, mode: full ? 'full' : 'incremental' });
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby="kl-export-heading">
        <Title order={2} size="h3" id="kl-export-heading" mb="xs">
          {t('export.title')}
        </Title>
        <Stack gap="md">
          <Text size="sm">{t('export.intro')}</Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="kl-basis-label">
              {t('export.basis')}
            </Text>
            <SegmentedControl
              aria-labelledby="kl-basis-label"
              value={basis}
              onChange={(v) => {
                setBasis(oneOf(klLegalBases, v));
                setFrom(null);
              }}
              data={klLegalBases.map((b) => ({ value: b, label: t(`bases.${b}`) }))}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput type="date" label={t('export.from')} required value={fromValue} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.from} />
            <TextInput type="date" label={t('export.to')} required value={to} max={today} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} />
          </SimpleGrid>
          <Checkbox label={t('export.full')} description={t('export.fullHint')} checked={full} onChange={(e) => setFull(e.currentTarget.checked)} />
          {errors.municipality ? <Alert color="red">{errors.municipality}</Alert> : null}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('export.submit')}
            </Button>
            {create.isSuccess ? (
              <Text size="sm" role="status">
                {t('export.done')}
              </Text>
            ) : null}
          </Group>
          {create.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
        </Stack>
      </form>
    </Paper>
  );
}

/** The latest delivery's outcome: how many reported, who was left out and why (with the course to fix), what the mapping lacks. */
export function KlLatestExport({ summary, municipalityName }: { summary: KlExportSummary; municipalityName: (code: string) => string }) {
  const { t } = useTranslation('klGateway');
  return (
    <Stack gap="xs" aria-live="polite">
      <Text>{t('latest.summary', { reported: summary.reported, unchanged: summary.unchanged, leftOut: summary.leftOut.length })}</Text>
      {summary.leftOut.length > 0 ? (
        <>
          <Title order={3} size="h4">
            {t('latest.leftOutTitle')}
          </Title>
          <List spacing={4}>
            {summary.leftOut.map((l) => (
              <List.Item key={l.citizenId}>
                {t(`latest.reasons.${l.reason}`, { detail: l.reason === 'provider_without_sor' && l.detail ? municipalityName(l.detail) : (l.detail ?? '') })}
                {l.courseIds.map((courseId) => (
                  <span key={courseId}>
                    {' · '}
                    <RouterAnchor to="/forloeb/$courseId" params={{ courseId }} underline="always">
                      {t('latest.openCourse')}
                    </RouterAnchor>
                  </span>
                ))}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      {summary.unmappedInterventions.length > 0 ? <Text size="sm">{t('latest.unmappedInterventions', { codes: summary.unmappedInterventions.join(', ') })}</Text> : null}
      {summary.unmappedAssessmentItems.length > 0 ? <Text size="sm">{t('latest.unmappedItems', { codes: summary.unmappedAssessmentItems.join(', ') })}</Text> : null}
    </Stack>
  );
}
