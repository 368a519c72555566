import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type OfferingChoice, type TeamMode, teamModes } from '@samkraft/contracts/teams';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../ui/ErrorSummary.tsx';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { fieldElementId } from '../../../ui/utils/errorSummary.ts';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useCreateTeam } from '../hooks/useTeams.ts';
import { DecimalInput, type DecimalValue } from '../../../ui/DecimalInput.tsx';
import { oneOf } from '@samkraft/contracts/common';

type SlotDraft = { weekday: string; startTime: string; durationMinutes: DecimalValue };
const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
const FORM_ID = 'team-create';
const fid = (field: string) => fieldElementId(FORM_ID, field);
/** The form's fields top to bottom, with their labels' keys in `create.*`. */
const fieldLabelKeys = { offeringId: 'offering', name: 'name', mode: 'mode', capacity: 'capacity', sessionQuota: 'quota', room: 'room', startsOn: 'startsOn', endsOn: 'endsOn' } as const;
const fieldOrder = Object.keys(fieldLabelKeys);
const isLabelled = (field: string): field is keyof typeof fieldLabelKeys => Object.hasOwn(fieldLabelKeys, field);

/** Creates a team of one of the municipality's offerings, with its weekly schedule. */
export function TeamCreateForm({ offerings, today }: { offerings: readonly OfferingChoice[]; today: string }) {
  const { t } = useTranslation('teams');
  const create = useCreateTeam();
  const errors = useFieldErrors(create.error);
  const [offeringId, setOfferingId] = useState(offerings[0]?.id ?? '');
  const offering = offerings.find((o) => o.id === offeringId);
  const [name, setName] = useState('');
  const [mode, setMode] = useState<TeamMode>('rolling');
  const [capacity, setCapacity] = useState<number | string>(12);
  const [quota, setQuota] = useState<number | string>('');
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState('');
  const [room, setRoom] = useState('');
  const [slots, setSlots] = useState<SlotDraft[]>([{ weekday: '2', startTime: '10:00', durationMinutes: 60 }]);
  if (offerings.length === 0) return <Text>{t('create.noOfferings')}</Text>;
  // A slot's field (`schedule[0].startTime`) is labelled by the schedule and the slot's number.
  const fieldLabel = (field: string): string | undefined => {
    if (isLabelled(field)) return t(`create.${fieldLabelKeys[field]}`);
    const slot = /^schedule(?:\[(\d+)\]|\.(\d+))?/.exec(field);
    if (!slot) return undefined;
    const n = slot[1] ?? slot[2];
    return n === undefined ? t('create.schedule') : `${t('create.schedule')} ${Number(n) + 1}`;
  };

  const setSlot = (i: number, patch: Partial<SlotDraft>) => setSlots((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        offeringId,
        name: name.trim(),
        mode,
        capacity: Number(capacity),
        ...(quota === '' ? {} : { sessionQuota: Number(quota) }),
        startsOn,
        endsOn: endsOn === '' ? null : endsOn,
        room: room.trim() === '' ? null : room.trim(),
        schedule: slots.map((s) => ({ weekday: Number(s.weekday), startTime: s.startTime, durationMinutes: Number(s.durationMinutes) })),
      },
      { onSuccess: () => setName('') },
    );
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby="new-team-heading">
        <Title order={2} size="h3" id="new-team-heading" mb="sm">
          {t('create.title')}
        </Title>
        <Stack gap="md">
          <ErrorSummary errors={errors} formId={FORM_ID} label={fieldLabel} order={fieldOrder} focusKey={create.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              id={fid('offeringId')}
              label={t('create.offering')}
              required
              value={offeringId}
              onChange={(e) => setOfferingId(e.currentTarget.value)}
              data={offerings.map((o) => ({ value: o.id, label: `${o.interventionName} — ${o.placeName}` }))}
              error={errors.offeringId}
            />
            <TextInput id={fid('name')} label={t('create.name')} required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
            <NativeSelect id={fid('mode')} label={t('create.mode')} value={mode} onChange={(e) => setMode(oneOf(teamModes, e.currentTarget.value))} data={(['rolling', 'cohort'] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))} error={errors.mode} />
            <DecimalInput id={fid('capacity')} label={t('create.capacity')} required min={1} max={200} value={capacity} onChange={setCapacity} error={errors.capacity} />
            <DecimalInput
              label={t('create.quota')}
              description={offering?.defaultQuota ? t('create.quotaHint', { n: offering.defaultQuota }) : undefined}
              min={1}
              max={200}
              value={quota}
              onChange={setQuota}
              error={errors.sessionQuota}
            />
            <TextInput id={fid('room')} label={t('create.room')} maxLength={200} value={room} onChange={(e) => setRoom(e.currentTarget.value)} error={errors.room} />
            <TextInput id={fid('startsOn')} type="date" label={t('create.startsOn')} required value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.startsOn} />
            <TextInput id={fid('endsOn')} type="date" label={t('create.endsOn')} value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.endsOn} />
          </SimpleGrid>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={500} size="sm" mb="xs">
              {t('create.schedule')}
            </Text>
            <Stack gap="xs">
              {slots.map((s, i) => (
                <Group key={i} align="flex-end" wrap="wrap">
                  <NativeSelect
                    id={fid(`schedule[${i}].weekday`)}
                    label={t('create.weekday')}
                    value={s.weekday}
                    onChange={(e) => setSlot(i, { weekday: e.currentTarget.value })}
                    data={weekdays.map((w) => ({ value: w, label: t(`weekdays.${w}`) }))}
                    error={errors[`schedule.${i}`] ?? errors[`schedule[${i}].weekday`]}
                  />
                  <TextInput id={fid(`schedule[${i}].startTime`)} type="time" label={t('create.time')} required value={s.startTime} onChange={(e) => setSlot(i, { startTime: e.currentTarget.value })} error={errors[`schedule[${i}].startTime`]} />
                  <DecimalInput id={fid(`schedule[${i}].durationMinutes`)} label={t('create.minutes')} min={15} max={480} w={120} value={s.durationMinutes} onChange={(v) => setSlot(i, { durationMinutes: v })} error={errors[`schedule[${i}].durationMinutes`]} />
                  {slots.length > 1 ? (
                    <Button variant="subtle" color="red" onClick={() => setSlots((x) => x.filter((_, j) => j !== i))}>
                      {t('create.removeSlot', { n: i + 1 })}
                    </Button>
                  ) : null}
                </Group>
              ))}
              <Group>
                <Button variant="light" onClick={() => setSlots((x) => [...x, { weekday: '4', startTime: '10:00', durationMinutes: 60 }])}>
                  {t('create.addSlot')}
                </Button>
              </Group>
            </Stack>
          </fieldset>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('create.submit')}
            </Button>
          </Group>
          {create.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
        </Stack>
      </form>
    </Paper>
  );
}
