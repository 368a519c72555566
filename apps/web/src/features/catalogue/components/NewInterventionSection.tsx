import { Button, Group } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InterventionEditor } from './InterventionEditor.tsx';

/** The administrator's way to add a code to the catalogue; the new intervention opens on its own page. */
export function NewInterventionSection() {
  const { t } = useTranslation('catalogue');
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Group>
        <Button variant="light" onClick={() => setOpen(true)}>
          {t('editor.newButton')}
        </Button>
      </Group>
    );
  }
  return <InterventionEditor item={null} onSaved={(saved) => void navigate({ to: '/katalog/$code', params: { code: saved.code } })} onCancel={() => setOpen(false)} />;
}
