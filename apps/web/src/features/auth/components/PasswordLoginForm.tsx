import { Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../../../api/apiRequestError.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { usePasswordLogin } from '../hooks/useAuthMutations.ts';

type Fields = 'username' | 'password';

export function PasswordLoginForm() {
  const { t } = useTranslation();
  const headingId = useId();
  const login = usePasswordLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [localErrors, setLocalErrors] = useState<Partial<Record<Fields, string>>>({});

  const serverErrors = useFieldErrors(login.error);
  const errorFor = (field: Fields) => localErrors[field] ?? serverErrors[field];
  const hasFieldErrors = isApiRequestError(login.error) && login.error.fields.length > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<Fields, string>> = {};
    if (username.trim() === '') errors.username = t('login.usernameRequired');
    if (password === '') errors.password = t('login.passwordRequired');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    login.mutate({ username: username.trim(), password });
  };

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} id={headingId} size="h3">
            {t('login.passwordTitle')}
          </Title>
          <TextInput
            label={t('login.username')}
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            error={errorFor('username')}
          />
          <PasswordInput
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errorFor('password')}
          />
          {login.isError && !hasFieldErrors ? <ErrorAlert error={login.error} /> : null}
          <Button type="submit" loading={login.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
