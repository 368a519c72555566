import { Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { fetchMyContact, saveMyContact, saveUnitPhone } from '../api/authApi.ts';

const key = ['me', 'contact'] as const;
const orNull = (v: string) => (v.trim() ? v.trim() : null);

const DialogContext = createContext<(() => void) | null>(null);

/**
 * The signed-in user's work phone and e-mail — printed in the citizen's letters and shown to a
 * providing municipality — and, for leads and administrators, the unit's phone used when a
 * contact person has none. The dialog lives here, above the layout: the button moves between
 * header and menu as the window narrows or widens (UserControls), and the dialog — with what
 * is typed in it — stays open when it does.
 */
export function MyContactDetailsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  return (
    <DialogContext.Provider value={show}>
      {children}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('shell.myContactTitle')} closeButtonProps={{ 'aria-label': t('shell.close') }}>
        {open ? <MyContactForm onDone={() => setOpen(false)} /> : null}
      </Modal>
    </DialogContext.Provider>
  );
}

/** Opens the dialog of MyContactDetailsProvider (which must be above it). */
export function MyContactDetailsButton() {
  const { t } = useTranslation();
  const show = useContext(DialogContext);
  if (!show) throw new Error('MyContactDetailsButton needs MyContactDetailsProvider above it');
  return (
    <Button variant="subtle" size="xs" onClick={show}>
      {t('shell.myContact')}
    </Button>
  );
}

function MyContactForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({ queryKey: key, queryFn: fetchMyContact });
  const [edited, setEdited] = useState<{ phone?: string; email?: string; unitPhone?: string }>({});
  const save = useMutation({
    mutationFn: async () => {
      const d = query.data!;
      let next = await saveMyContact({ phone: orNull(edited.phone ?? d.phone ?? ''), email: orNull(edited.email ?? d.email ?? '') });
      if (d.mayEditUnitPhone && edited.unitPhone !== undefined) next = await saveUnitPhone(orNull(edited.unitPhone));
      return next;
    },
    onSuccess: (d) => {
      client.setQueryData(key, d);
      onDone();
    },
  });
  const errors = useFieldErrors(save.error);
  // A refused value's message goes once the field is typed in again.
  const edit = (next: typeof edited) => {
    if (save.isError) save.reset();
    setEdited(next);
  };
  if (!query.data) return <Text>{t('shell.loading')}</Text>;
  const d = query.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('shell.myContactIntro')}</Text>
        <TextInput label={t('shell.workPhone')} type="tel" autoComplete="work tel" value={edited.phone ?? d.phone ?? ''} onChange={(e) => edit({ ...edited, phone: e.currentTarget.value })} error={errors.phone} />
        <TextInput label={t('shell.workEmail')} type="email" autoComplete="work email" value={edited.email ?? d.email ?? ''} onChange={(e) => edit({ ...edited, email: e.currentTarget.value })} error={errors.email} />
        {d.mayEditUnitPhone ? (
          <TextInput
            label={t('shell.unitPhone', { municipality: d.municipalityName })}
            description={t('shell.unitPhoneHelp')}
            type="tel"
            value={edited.unitPhone ?? d.unitPhone ?? ''}
            onChange={(e) => edit({ ...edited, unitPhone: e.currentTarget.value })}
            error={errors.unitPhone}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('shell.unitPhoneShown', { municipality: d.municipalityName, phone: d.unitPhone ?? '—' })}
          </Text>
        )}
        <Button type="submit" loading={save.isPending}>
          {t('shell.save')}
        </Button>
      </Stack>
    </form>
  );
}
