import { Alert, Button, Paper, Stack, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { staffSignInErrors, type StaffSignInError } from '@samkraft/contracts/auth';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { useSignInMethods } from '../hooks/useSignInMethods.ts';

/** Why the last sign-in through a provider was refused (`?fejl=` from the server's redirect), or none. */
function refusalFromUrl(): StaffSignInError | null {
  const reason = new URLSearchParams(window.location.search).get('fejl');
  return staffSignInErrors.find((r) => r === reason) ?? null;
}

/** A button per configured identity provider (KOMBIT, the municipality's Microsoft account …), and why the last attempt was refused. */
export function ProviderLoginPanel() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const headingId = useId();
  const methods = useSignInMethods();
  const refusal = refusalFromUrl();
  const loggedOut = new URLSearchParams(window.location.search).has('logget-ud');
  const providers = methods.data?.providers ?? [];
  if (providers.length === 0 && !refusal) return null;
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="lg">
      <Stack gap="md">
        <Title order={2} id={headingId} size="h3">
          {t('login.providersTitle')}
        </Title>
        {refusal ? (
          <Alert color="red" title={t('login.refusedTitle')} role="alert">
            {t(`login.refused.${refusal}`)}
          </Alert>
        ) : null}
        {loggedOut ? <Alert color="green">{t('login.loggedOut')}</Alert> : null}
        {providers.map((p) => (
          <Button key={p.id} component="a" href={p.loginUrl} variant="filled" style={{ alignSelf: 'flex-start' }}>
            {language === 'en' ? p.label.en : p.label.da}
          </Button>
        ))}
      </Stack>
    </Paper>
  );
}
