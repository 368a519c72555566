import { Button, Group, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useUpdateTeam } from '../hooks/useTeams.ts';
import { DecimalInput } from '../../../ui/DecimalInput.tsx';

export type CapacityFormProps = { teamId: string; capacity: number };

/** The team's seats; more seats are given to the waiting list by the server at once. */
export function CapacityForm({ teamId, capacity }: CapacityFormProps) {
  const { t } = useTranslation('teams');
  const update = useUpdateTeam(teamId);
  const errors = useFieldErrors(update.error);
  const [value, setValue] = useState<number | string>(capacity);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ capacity: Number(value) });
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('capacity.label')}>
      <Group align="flex-end">
        <DecimalInput label={t('capacity.label')} min={1} max={200} required value={value} onChange={setValue} error={errors.capacity} w={140} />
        <Button type="submit" variant="light" loading={update.isPending}>
          {t('capacity.submit')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {t('capacity.hint')}
      </Text>
      {update.isError && !errors.capacity ? <ErrorAlert error={update.error} /> : null}
    </form>
  );
}
