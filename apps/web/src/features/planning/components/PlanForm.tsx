import { Button, Checkbox, Group, MultiSelect, NumberInput, Radio, Stack, TextInput } from '@mantine/core';
import type { PlanRequest } from '@samkraft/contracts/planning';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allMunicipalityCodes, DEFAULT_PLAN_INTERVENTIONS, NINE_CODES, PLAN_INTERVENTIONS } from '../utils/planChoices.ts';

export type PlanFormProps = { busy: boolean; onSubmit: (request: PlanRequest) => void };

const numberOrNull = (v: string | number): number | null => (v === '' || v === null ? null : Number(v));

export function PlanForm({ busy, onSubmit }: PlanFormProps) {
  const { t } = useTranslation('planning');
  const [set, setSet] = useState<'nine' | 'all'>('nine');
  const [interventions, setInterventions] = useState<string[]>([...DEFAULT_PLAN_INTERVENTIONS]);
  const [demandSource, setDemandSource] = useState<'expected' | 'records'>('expected');
  const [periodFrom, setPeriodFrom] = useState('2025-01-01');
  const [periodTo, setPeriodTo] = useState('2025-12-31');
  const [teamSize, setTeamSize] = useState<number>(12);
  const [parallelTeams, setParallelTeams] = useState<number>(4);
  // Five: without a limit every municipality hosts everything for its own citizens (no travel).
  const [maxHosts, setMaxHosts] = useState<number | null>(5);
  const [tolerance, setTolerance] = useState<number | null>(null);
  const [everyHosts, setEveryHosts] = useState(true);
  const [rotates, setRotates] = useState(true);
  const [compare, setCompare] = useState(true);
  const [timeLimit, setTimeLimit] = useState<number>(30);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const municipalityCodes = set === 'nine' ? [...NINE_CODES] : await allMunicipalityCodes();
    onSubmit({
      municipalityCodes,
      interventionCodes: interventions,
      demandSource,
      ...(demandSource === 'records' ? { periodFrom, periodTo } : {}),
      teamSize,
      parallelTeams,
      weeksPerYear: 46,
      maxHosts,
      costNeutralityTolerance: tolerance,
      everyHostsTargetGroup: everyHosts,
      patientEducationRotates: rotates,
      timeLimitSeconds: timeLimit,
      compare,
    });
  };

  return (
    <form id="plan-form" onSubmit={(e) => void submit(e)}>
      <Stack gap="md">
        <Radio.Group label={t('setTitle')} value={set} onChange={(v) => setSet(v === 'all' ? 'all' : 'nine')}>
          <Group mt="xs">
            <Radio value="nine" label={t('sets.nine')} />
            <Radio value="all" label={t('sets.all')} />
          </Group>
        </Radio.Group>
        <MultiSelect label={t('interventions')} data={PLAN_INTERVENTIONS.map((i) => ({ value: i.code, label: i.nameDa }))} value={interventions} onChange={setInterventions} searchable />
        <Radio.Group label={t('demandSource')} value={demandSource} onChange={(v) => setDemandSource(v === 'records' ? 'records' : 'expected')}>
          <Group mt="xs">
            <Radio value="expected" label={t('demandSources.expected')} />
            <Radio value="records" label={t('demandSources.records')} />
          </Group>
        </Radio.Group>
        {demandSource === 'records' ? (
          <Group>
            <TextInput type="date" label={t('periodFrom')} value={periodFrom} onChange={(e) => setPeriodFrom(e.currentTarget.value)} />
            <TextInput type="date" label={t('periodTo')} value={periodTo} onChange={(e) => setPeriodTo(e.currentTarget.value)} />
          </Group>
        ) : null}
        <Group align="flex-end">
          <NumberInput label={t('teamSize')} value={teamSize} min={2} max={40} onChange={(v) => setTeamSize(Number(v) || 12)} w={160} />
          <NumberInput label={t('parallelTeams')} value={parallelTeams} min={1} max={20} onChange={(v) => setParallelTeams(Number(v) || 1)} w={200} />
          <NumberInput label={t('timeLimit')} value={timeLimit} min={1} max={120} onChange={(v) => setTimeLimit(Number(v) || 30)} w={260} />
        </Group>
        <Group align="flex-end">
          <NumberInput label={t('maxHosts')} value={maxHosts ?? ''} min={1} max={98} onChange={(v) => setMaxHosts(numberOrNull(v))} w={360} />
          <NumberInput label={t('tolerance')} value={tolerance ?? ''} min={0} max={10} step={0.1} decimalScale={2} onChange={(v) => setTolerance(numberOrNull(v))} w={420} />
        </Group>
        <Checkbox label={t('everyHostsTargetGroup')} checked={everyHosts} onChange={(e) => setEveryHosts(e.currentTarget.checked)} />
        <Checkbox label={t('rotates')} checked={rotates} onChange={(e) => setRotates(e.currentTarget.checked)} />
        <Checkbox label={t('compare')} checked={compare} onChange={(e) => setCompare(e.currentTarget.checked)} />
        <Group>
          <Button type="submit" loading={busy}>
            {busy ? t('running') : t('run')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
