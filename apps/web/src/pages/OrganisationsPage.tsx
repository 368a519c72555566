import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { OrganisationDetail } from '@samkraft/contracts/organisations';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/sessionQuery.ts';
import { SignInProvidersSection } from '../features/auth/components/SignInProvidersSection.tsx';
import { OrganisationForm } from '../features/organisations/components/OrganisationForm.tsx';
import { OrganisationRegister } from '../features/organisations/components/OrganisationRegister.tsx';
import { HospitalNotificationSettingSection } from '../features/hospital-notifications/components/HospitalNotificationSettingSection.tsx';
import { useSetOrganisationActive } from '../features/organisations/hooks/useOrganisations.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { ErrorAlert } from '../ui/QueryState.tsx';

/** "Organisationer": every staff member looks organisations up; administrators add, change, deactivate. */
export function OrganisationsPage() {
  const { t } = useTranslation('organisations');
  const { user } = useSession();
  const isAdministrator = user.roles.includes('administrator');
  const seesHospitalNotifications = isAdministrator || user.roles.includes('municipal_lead');
  const [editing, setEditing] = useState<OrganisationDetail | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const setActive = useSetOrganisationActive();

  const onSetActive = (o: OrganisationDetail, active: boolean) => {
    setMessage(null);
    setActive.mutate({ id: o.id, active }, { onSuccess: (saved) => setMessage(t(active ? 'form.activated' : 'form.deactivated', { name: saved.name })) });
  };

  return (
    <>
      <PageTitle title={t('title')} description={t('intro')} />
      <Stack gap="xl">
        {message ? (
          <Alert color="green" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
            {message}
          </Alert>
        ) : null}
        {setActive.isError ? <ErrorAlert error={setActive.error} /> : null}
        {!isAdministrator ? (
          <Text>{t('onlyAdmin')}</Text>
        ) : editing === null ? (
          <Group>
            <Button
              onClick={() => {
                setMessage(null);
                setEditing('new');
              }}
            >
              {t('form.add')}
            </Button>
          </Group>
        ) : (
          <OrganisationForm
            key={editing === 'new' ? 'new' : editing.id}
            organisation={editing === 'new' ? null : editing}
            onSaved={(saved) => {
              setEditing(null);
              setMessage(t('form.saved', { name: saved.name }));
            }}
            onCancel={() => setEditing(null)}
          />
        )}
        {isAdministrator ? (
          <Text size="sm" c="dimmed">
            {t('form.deactivateHint')}
          </Text>
        ) : null}
        <OrganisationRegister
          {...(isAdministrator && {
            actions: {
              onEdit: (o: OrganisationDetail) => {
                setMessage(null);
                setEditing(o);
                window.scrollTo({ top: 0 });
              },
              onSetActive,
              busy: setActive.isPending,
            },
          })}
        />
        {seesHospitalNotifications ? <HospitalNotificationSettingSection /> : null}
        {isAdministrator ? <SignInProvidersSection /> : null}
      </Stack>
    </>
  );
}
