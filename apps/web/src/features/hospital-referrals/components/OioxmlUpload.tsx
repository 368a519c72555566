import { Alert, Button, Code, FileInput, Group, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../../../api/apiRequestError.ts';
import { Disclosure } from '../../../ui/Disclosure.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { fieldErrorText } from '../../../ui/utils/fieldErrorText.ts';
import { useUploadOioxml } from '../hooks/useDraftReferrals.ts';

/** An administrator's upload of an XREF01 file that came another way than the transport. */
export function OioxmlUpload() {
  const { t } = useTranslation('hospitalReferrals');
  const { t: tShell } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const receiptHeadingId = useId();
  const upload = useUploadOioxml();
  const result = upload.data;
  const refused = isApiRequestError(upload.error) && upload.error.code === 'validation' ? upload.error.fields : null;
  return (
    <Section title={t('upload.title')} description={t('adminIntro')}>
      <Stack gap="md">
        <FileInput
          label={t('upload.file')}
          placeholder={t('upload.placeholder')}
          accept=".xml,text/xml,application/xml"
          clearable
          clearButtonProps={{ 'aria-label': t('upload.clear') }}
          value={file}
          onChange={(f) => {
            setFile(f);
            upload.reset();
          }}
          maw={520}
        />
        <Group>
          <Button onClick={() => file && upload.mutate(file)} disabled={!file || upload.isPending} loading={upload.isPending}>
            {t('upload.submit')}
          </Button>
        </Group>
        {refused ? (
          <Alert color="red" role="alert" title={t('upload.refused')} styles={{ title: { color: '#1a1a1a' } }}>
            {refused.map((f) => (
              <Text key={`${f.code}${f.message}`} size="sm">
                {fieldErrorText(f, tShell)}
                {typeof f.params?.line === 'number' ? ` (${t('upload.line', { line: f.params.line })})` : ''}
              </Text>
            ))}
          </Alert>
        ) : upload.isError ? (
          <ErrorAlert error={upload.error} />
        ) : null}
        {result ? (
          <Stack gap="xs">
            <Alert color="green" role="status">
              {result.outcome === 'received' ? t('upload.received', { municipality: result.municipalityName }) : t('upload.duplicate')}
            </Alert>
            {result.receipt ? (
              <Disclosure title={t('upload.receipt')} headingId={receiptHeadingId} defaultOpen={false}>
                <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {result.receipt.xml}
                </Code>
              </Disclosure>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Section>
  );
}
