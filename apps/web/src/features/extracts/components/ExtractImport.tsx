import { Alert, Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractError } from '@samkraft/contracts/extracts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { JobProgress } from '../../jobs/components/JobProgress.tsx';
import { useImportExtract, useValidateExtract } from '../hooks/useExtracts.ts';
import { da as extractTexts } from '../i18n.ts';
import { errorDetail } from '../utils/errorDetail.ts';
import { sortErrors } from '../utils/fileBytes.ts';

const isPhase = (p: string): p is keyof typeof extractTexts.phases => p in extractTexts.phases;

function ErrorTable({ errors }: { errors: readonly ExtractError[] }) {
  const { t } = useTranslation('extracts');
  return (
    <Section title={t('errorsTitle')}>
      <DataTable
        rows={sortErrors(errors)}
        rowKey={(e) => `${e.file}|${e.row}|${e.column}|${e.reason}|${e.detail}`}
        emptyText={t('errorsEmpty')}
        columns={[
          { key: 'file', header: t('columns.file'), render: (e) => e.file, nowrap: true },
          { key: 'row', header: t('columns.row'), render: (e) => (e.row > 0 ? e.row : '—'), numeric: true },
          { key: 'column', header: t('columns.column'), render: (e) => e.column || t('wholeFile'), nowrap: true },
          { key: 'reason', header: t('columns.reason'), render: (e) => t(`reasons.${e.reason}`), rowHeader: true },
          { key: 'detail', header: t('columns.detail'), render: (e) => <Text size="sm" c="dimmed">{errorDetail(e, (key, values) => t(`detail.${key}`, values))}</Text> },
        ]}
      />
    </Section>
  );
}

function Working({ label }: { label: string }) {
  const { t } = useTranslation('extracts');
  return (
    <Stack gap={4}>
      <Text size="sm">{label}</Text>
      <Progress value={100} striped animated aria-label={t('progressLabel')} />
    </Stack>
  );
}

/** Choose files → check them (dry run, error table) → load them; nothing is stored until all rows are valid. */
export function ExtractImport() {
  const { t } = useTranslation('extracts');
  const [files, setFiles] = useState<File[]>([]);
  const validation = useValidateExtract();
  const { run: importing, result: imported } = useImportExtract();
  const choose = (chosen: File[]) => {
    setFiles(chosen);
    validation.reset();
    importing.reset();
  };
  const checked = validation.data;
  const result = importing.job ? imported.data : undefined;
  return (
    <Stack gap="md">
      <Text>{t('importIntro')}</Text>
      <FileInput label={t('filesLabel')} placeholder={t('filesPlaceholder')} multiple clearable clearButtonProps={{ 'aria-label': t('clearFiles') }} accept=".csv,.xlsx,text/csv" value={files} onChange={choose} maw={520} />
      <Group>
        <Button onClick={() => validation.mutate(files)} disabled={files.length === 0 || validation.isPending || importing.running} loading={validation.isPending}>
          {t('validate')}
        </Button>
        {checked?.valid && !result ? (
          <Button color="green" onClick={() => importing.start(files)} loading={importing.running} disabled={importing.running}>
            {t('import')}
          </Button>
        ) : null}
      </Group>
      {validation.isPending ? <Working label={t('reading')} /> : null}
      {importing.running ? <JobProgress job={importing.job} label={t('importing')} phaseText={(p) => (isPhase(p) ? t(`phases.${p}`) : p)} /> : null}
      {validation.isError ? <ErrorAlert error={validation.error} /> : null}
      {importing.error ? <ErrorAlert error={importing.error} /> : null}
      {imported.isError ? <ErrorAlert error={imported.error} /> : null}
      {checked && !result ? (
        checked.valid ? (
          <Alert color="green" role="status">
            {t('valid', { referrals: checked.referralRows, interventions: checked.interventionRows })}
          </Alert>
        ) : (
          <Alert color="red" role="alert">
            {t('invalid', { count: checked.errors.length })}
          </Alert>
        )
      ) : null}
      {result ? (
        result.outcome === 'imported' ? (
          <Alert color="green" role="status">
            {t('imported', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
          </Alert>
        ) : (
          <Alert color="red" role="alert">
            {t('refused', { count: result.errors.length })}
          </Alert>
        )
      ) : null}
      {result && result.errors.length > 0 ? <ErrorTable errors={result.errors} /> : checked && checked.errors.length > 0 ? <ErrorTable errors={checked.errors} /> : null}
    </Stack>
  );
}
