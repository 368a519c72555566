import { Button, Group, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecimalInput } from '../../../ui/DecimalInput.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useUpdateTeam } from '../hooks/useTeams.ts';

export type CancelCutoffFormProps = { teamId: string; hours: number };

/** Until how many hours before a session a citizen may cancel it themselves on "Mine aftaler". */
export function CancelCutoffForm({ teamId, hours }: CancelCutoffFormProps) {
  const { t } = useTranslation('teams');
  const update = useUpdateTeam(teamId);
  const errors = useFieldErrors(update.error);
  const [value, setValue] = useState<number | string>(hours);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ citizenCancelCutoffHours: Number(value) });
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('cutoff.label')}>
      <Group align="flex-end">
        <DecimalInput label={t('cutoff.label')} min={0} max={168} required value={value} onChange={setValue} error={errors.citizenCancelCutoffHours} w={280} />
        <Button type="submit" variant="light" loading={update.isPending}>
          {t('cutoff.submit')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {t('cutoff.hint')}
      </Text>
      {update.isError && !errors.citizenCancelCutoffHours ? <ErrorAlert error={update.error} /> : null}
    </form>
  );
}
