import { Button, Checkbox, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { Municipality } from '@samkraft/contracts/reference';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, type ReportChoices } from '../utils/reportParams.ts';
import { danishToday } from '../../../ui/utils/danishToday.ts';

export type ReportFiltersProps = {
  choices: ReportChoices;
  onChange: (next: ReportChoices) => void;
  onSubmit: () => void;
  /** Shown to a coordinator; a municipal lead sees their own municipality only. */
  municipalities: readonly Municipality[] | null;
  errors: Record<string, string>;
  busy: boolean;
};

export function ReportFilters({ choices, onChange, onSubmit, municipalities, errors, busy }: ReportFiltersProps) {
  const { t } = useTranslation('reports');
  const kindLabel = useId();
  const set = (patch: Partial<ReportChoices>) => onChange({ ...choices, ...patch });
  const thisYear = Number(danishToday().slice(0, 4));
  const years = Array.from({ length: thisYear - 2013 }, (_, i) => String(thisYear - i));
  return (
    <Stack
      component="form"
      gap="md"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap={4}>
        <Text component="span" id={kindLabel} size="sm" fw={500}>
          {t('filters.periodKind')}
        </Text>
        <SegmentedControl
          aria-labelledby={kindLabel}
          value={choices.kind}
          onChange={(v) => set({ kind: v })}
          data={(['year', 'half', 'custom'] as const).map((k) => ({ value: k, label: t(`filters.kinds.${k}`) }))}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {choices.kind !== 'custom' ? (
          <NativeSelect label={t('filters.year')} value={String(choices.year)} onChange={(e) => set({ year: Number(e.currentTarget.value) })} data={years} />
        ) : null}
        {choices.kind === 'half' ? (
          <NativeSelect
            label={t('filters.half')}
            value={String(choices.half)}
            onChange={(e) => set({ half: e.currentTarget.value === '2' ? 2 : 1 })}
            data={(['1', '2'] as const).map((h) => ({ value: h, label: t(`filters.halves.${h}`) }))}
          />
        ) : null}
        {choices.kind === 'custom' ? (
          <>
            <TextInput type="date" label={t('filters.from')} value={choices.from} onChange={(e) => set({ from: e.currentTarget.value })} error={fieldError(errors, 'from')} required />
            <TextInput type="date" label={t('filters.to')} value={choices.to} onChange={(e) => set({ to: e.currentTarget.value })} error={fieldError(errors, 'to')} required />
          </>
        ) : null}
      </SimpleGrid>
      <Switch label={t('filters.compare')} checked={choices.compare} onChange={(e) => set({ compare: e.currentTarget.checked })} />
      {choices.compare && choices.kind === 'custom' ? (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput type="date" label={t('filters.compareFrom')} value={choices.compareFrom} onChange={(e) => set({ compareFrom: e.currentTarget.value })} error={fieldError(errors, 'compareFrom')} />
          <TextInput type="date" label={t('filters.compareTo')} value={choices.compareTo} onChange={(e) => set({ compareTo: e.currentTarget.value })} error={fieldError(errors, 'compareTo')} />
        </SimpleGrid>
      ) : null}
      {municipalities ? (
        <Checkbox.Group label={t('filters.municipalities')} description={t('filters.municipalitiesHint')} value={choices.municipalities} onChange={(v) => set({ municipalities: v })} error={fieldError(errors, 'municipalities')}>
          <Group gap="md" mt="xs">
            {municipalities.map((m) => (
              <Checkbox key={m.code} value={m.code} label={m.name} />
            ))}
          </Group>
        </Checkbox.Group>
      ) : (
        <Text size="sm">{t('filters.ownMunicipality')}</Text>
      )}
      <Switch label={t('filters.suppress')} checked={choices.suppress} onChange={(e) => set({ suppress: e.currentTarget.checked })} />
      <Group>
        <Button type="submit" loading={busy}>
          {t('filters.show')}
        </Button>
      </Group>
    </Stack>
  );
}
