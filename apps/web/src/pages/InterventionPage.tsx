import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/sessionQuery.ts';
import { InterventionDetails } from '../features/catalogue/components/InterventionDetails.tsx';
import { InterventionEditor } from '../features/catalogue/components/InterventionEditor.tsx';
import { OfferingsSection } from '../features/catalogue/components/OfferingsSection.tsx';
import { RoutingEditor } from '../features/catalogue/components/RoutingEditor.tsx';
import { useMunicipalities } from '../features/catalogue/hooks/useCatalogue.ts';
import { useIntervention } from '../features/catalogue/hooks/useInterventionEditing.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { isApiRequestError } from '../api/apiRequestError.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { QueryState } from '../ui/QueryState.tsx';
import { RouterAnchor } from '../ui/RouterLink.tsx';

export function InterventionPage() {
  const { code } = useParams({ from: '/signed-in/katalog/$code' });
  const { t } = useTranslation('catalogue');
  const { language } = useLanguage();
  const { user } = useSession();
  const canEdit = user.roles.includes('administrator');
  const intervention = useIntervention(code);
  const municipalities = useMunicipalities();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (intervention.error && isApiRequestError(intervention.error) && intervention.error.status === 404) return <Text>{t('notFound')}</Text>;
  return (
    <QueryState query={intervention}>
      {(item) => (
        <Stack gap="xl">
          <RouterAnchor to="/katalog">{t('back')}</RouterAnchor>
          <PageTitle title={language === 'en' ? item.nameEn : item.nameDa} />
          {editing ? (
            <InterventionEditor key={item.code} item={item} onSaved={() => { setEditing(false); setSaved(true); }} onCancel={() => setEditing(false)} />
          ) : (
            <Stack gap="sm">
              <InterventionDetails item={item} />
              {saved ? <Alert color="green" role="status">{t('editor.saved')}</Alert> : null}
              {canEdit ? (
                <Group>
                  <Button variant="light" onClick={() => { setSaved(false); setEditing(true); }}>
                    {t('editor.editTitle')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          )}
          <OfferingsSection interventionCode={item.code} canEdit={canEdit} />
          <RoutingEditor interventionCode={item.code} municipalities={municipalities.data ?? []} canEdit={canEdit} />
        </Stack>
      )}
    </QueryState>
  );
}
