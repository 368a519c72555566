import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../ui/QueryState.tsx';
import { fetchSignInProviders } from '../api/authApi.ts';

/** Administrators: how staff sign in here — the methods on and off, each identity provider and its role mappings in words. */
export function SignInProvidersSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useQuery({ queryKey: ['auth', 'sign-in-providers'], queryFn: fetchSignInProviders });
  return (
    // Privilege URIs and entity ids are long words: they wrap anywhere rather than widen the page on a phone.
    <Paper component="section" aria-labelledby={headingId} withBorder p="lg" style={{ overflowWrap: 'anywhere' }}>
      <Stack gap="sm">
        <Title order={2} id={headingId} size="h3">
          {t('login.adminTitle')}
        </Title>
        <QueryState query={query}>
          {(view) => (
            <Stack gap="sm">
              <Text>{t('login.adminMethods', { on: view.methods.on.join(', ') || '–', off: view.methods.off.join(', ') || '–' })}</Text>
              <Text>{t('login.adminLevel', { level: view.personDataLevel })}</Text>
              {view.providers.map((p) => (
                <Stack key={p.id} gap={4}>
                  <Title order={3} size="h4">
                    {p.label}
                  </Title>
                  <List size="sm">
                    {p.rules.map((r) => (
                      <List.Item key={r}>{r}</List.Item>
                    ))}
                  </List>
                </Stack>
              ))}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
