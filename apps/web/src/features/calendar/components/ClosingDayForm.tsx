import { Button, Group, NativeSelect, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ClosingDays } from '@samkraft/contracts/calendar';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../i18n/language.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { ErrorAlert } from '../../../ui/QueryState.tsx';
import { useFieldErrors } from '../../../ui/hooks/useFieldErrors.ts';
import { useAddClosingDay } from '../hooks/useClosingDays.ts';

export type ClosingDayFormProps = { data: ClosingDays; today: string };

const months = Array.from({ length: 12 }, (_, i) => i + 1);
const days = Array.from({ length: 31 }, (_, i) => i + 1);

/** Adds a one-off or yearly closing day to the user's municipality, or (administrators) the default set. */
export function ClosingDayForm({ data, today }: ClosingDayFormProps) {
  const { t } = useTranslation('calendar');
  const { language } = useLanguage();
  const add = useAddClosingDay();
  const [target, setTarget] = useState<string>(data.permissions.editMunicipality ? data.municipality.code : '');
  const [type, setType] = useState<'once' | 'yearly'>('once');
  const [date, setDate] = useState(today);
  const [month, setMonth] = useState('1');
  const [day, setDay] = useState('1');
  const [label, setLabel] = useState('');
  const errors = useFieldErrors(add.error);
  const monthName = new Intl.DateTimeFormat(localeOf(language), { month: 'long', timeZone: 'UTC' });
  const targets = [
    ...(data.permissions.editMunicipality ? [{ value: data.municipality.code, label: t('sets.own', { name: data.municipality.name }) }] : []),
    ...(data.permissions.editDefault ? [{ value: '', label: t('sets.default') }] : []),
  ];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { ...(target ? { municipalityCode: target } : {}), ...(type === 'once' ? { date } : { month: Number(month), day: Number(day) }), label: label.trim() },
      { onSuccess: () => setLabel('') },
    );
  };
  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={onSubmit} aria-labelledby="new-closing-day-heading">
        <Title order={2} size="h3" id="new-closing-day-heading" mb="sm">
          {t('formTitle')}
        </Title>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect label={t('target')} required value={target} onChange={(e) => setTarget(e.currentTarget.value)} data={targets} error={errors.municipalityCode} />
            <Stack gap={4}>
              <Text component="span" id="closing-day-type" size="sm" fw={500}>
                {t('type')}
              </Text>
              <SegmentedControl aria-labelledby="closing-day-type" value={type} onChange={setType} data={(['once', 'yearly'] as const).map((v) => ({ value: v, label: t(`types.${v}`) }))} />
            </Stack>
            {type === 'once' ? (
              <TextInput type="date" label={t('date')} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.date} />
            ) : (
              <Group grow align="flex-start">
                <NativeSelect label={t('day')} required value={day} onChange={(e) => setDay(e.currentTarget.value)} data={days.map(String)} error={errors.day} />
                <NativeSelect label={t('month')} required value={month} onChange={(e) => setMonth(e.currentTarget.value)} data={months.map((m) => ({ value: String(m), label: monthName.format(new Date(Date.UTC(2024, m - 1, 1))) }))} error={errors.month} />
              </Group>
            )}
            <TextInput label={t('label')} required maxLength={200} value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('submit')}
            </Button>
          </Group>
          {add.isError && Object.keys(errors).length === 0 ? <ErrorAlert error={add.error} /> : null}
        </Stack>
      </form>
    </Paper>
  );
}
