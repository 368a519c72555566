import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../../../api/apiRequestError.ts';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { Section } from '../../../ui/Section.tsx';
import { fetchCitizen, setCitizenGp } from '../api/referralsApi.ts';
import { emptyGpForm, gpClinicLabel, toGpInput, type GpForm } from '../utils/gpForm.ts';
import { GpClinicFields } from './GpClinicFields.tsx';

export type CitizenGpSectionProps = { citizenId: string; courseId: string; canWrite: boolean };

/** The citizen's GP clinic on the course page; the contact person changes it here (audited). */
export function CitizenGpSection({ citizenId, courseId, canWrite }: CitizenGpSectionProps) {
  const { t } = useTranslation('referrals');
  const queryClient = useQueryClient();
  const citizen = useQuery({ queryKey: ['citizen', citizenId], queryFn: () => fetchCitizen(citizenId) });
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<GpForm>(emptyGpForm);
  const save = useMutation({
    mutationFn: () => setCitizenGp(citizenId, { gp: toGpInput(form) ?? null }),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: ['citizen', citizenId] });
      await queryClient.invalidateQueries({ queryKey: ['closing', courseId] });
    },
  });
  const errors = useFieldErrors(isApiRequestError(save.error) && save.error.code === 'validation' ? save.error : null);
  const gp = citizen.data?.gp ?? null;
  const start = () => {
    setForm(gp ? { ...emptyGpForm(), mode: 'known', organisationId: gp.id } : emptyGpForm());
    setEditing(true);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Section title={t('gp.title')}>
      <Stack gap="sm">
        {citizen.isError ? <ErrorAlert error={citizen.error} /> : null}
        <Text fw={500} data-testid="citizen-gp">
          {gp ? [gpClinicLabel(gp), gp.address, gp.phone].filter(Boolean).join(' · ') : citizen.isSuccess ? t('gp.notKnown') : '…'}
        </Text>
        {canWrite && !editing ? (
          <Group>
            <Button variant="outline" onClick={start}>
              {t('gp.change')}
            </Button>
          </Group>
        ) : null}
        {editing ? (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <GpClinicFields value={form} onChange={setForm} errors={errors} idOf={(field) => `citizen-gp-${field}`} />
              {save.isError && !(isApiRequestError(save.error) && save.error.code === 'validation') ? <ErrorAlert error={save.error} /> : null}
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {t('gp.save')}
                </Button>
                <Button variant="subtle" onClick={() => setEditing(false)}>
                  {t('gp.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Section>
  );
}
