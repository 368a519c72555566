import { Alert, Button, Group, List, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import type { PlanResultDto, PlanScenarioDto, PlanScenarioKey } from '@samkraft/contracts/planning';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../ui/Section.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { useSaveScenario } from '../hooks/usePlanning.ts';

const PlanMap = lazy(() => import('./PlanMap.tsx').then((m) => ({ default: m.PlanMap })));

const n = (v: number | null, digits = 1) => (v === null ? '–' : v.toLocaleString('da-DK', { maximumFractionDigits: digits }));

function StatusBadge({ scenario }: { scenario: PlanScenarioDto }) {
  const { t } = useTranslation('planning');
  if (scenario.status === null) return <Tag tone="gray">{t('status.evaluated')}</Tag>;
  const tone = scenario.status === 'optimal' ? 'green' : scenario.status === 'gap' ? 'yellow' : 'red';
  return <Tag tone={tone}>{t(`status.${scenario.status}`, { gap: ((scenario.gap ?? 0) * 100).toFixed(2) })}</Tag>;
}

/** `savedName`: a saved scenario opened again — shown as it was solved, with nothing to save. */
export type PlanResultViewProps = { result: PlanResultDto; savedName?: string };

export function PlanResultView({ result, savedName }: PlanResultViewProps) {
  const { t } = useTranslation('planning');
  const [shown, setShown] = useState<PlanScenarioKey>('optimum');
  const [name, setName] = useState('');
  const save = useSaveScenario();
  const scenario = result.scenarios.find((s) => s.key === shown) ?? result.scenarios[0];
  const optimum = result.scenarios.find((s) => s.key === 'optimum');
  const interventionName = new Map(result.interventions.map((i) => [i.code, i.nameDa]));
  return (
    <Stack gap="xl">
      <Section title={savedName === undefined ? t('resultTitle') : t('savedResultTitle', { name: savedName })}>
        <Group>
          {optimum ? <StatusBadge scenario={optimum} /> : null}
          <Text size="sm">{t('solver', { solver: result.solver })}</Text>
        </Group>
      </Section>
      <Section title={t('tableTitle')}>
        <Table.ScrollContainer minWidth={900}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {(['scenario', 'status', 'citizens', 'unserved', 'citizenKm', 'kmPerCitizen', 'longest', 'transport', 'hosts', 'violations'] as const).map((c) => (
                  <Table.Th key={c}>{t(`columns.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.scenarios.map((s) => (
                <Table.Tr key={s.key}>
                  <Table.Td>{t(`scenarios.${s.key}`)}</Table.Td>
                  <Table.Td>
                    <StatusBadge scenario={s} />
                  </Table.Td>
                  <Table.Td>{n(s.citizens)}</Table.Td>
                  <Table.Td>{n(s.unservedCitizens)}</Table.Td>
                  <Table.Td>{n(s.citizenKm, 0)}</Table.Td>
                  <Table.Td>{n(s.kmPerCitizen, 2)}</Table.Td>
                  <Table.Td>{n(s.longestTripKm)}</Table.Td>
                  <Table.Td>{n(s.transportCostDkk, 0)}</Table.Td>
                  <Table.Td>{s.hostCount}</Table.Td>
                  <Table.Td>{s.violations.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {result.transport ? (
          <Text size="sm" c="dimmed" mt="xs">
            {t('transportNote', {
              gop: n(result.transport.gopShare * 100, 0),
              pensioners: n(result.transport.pensionerShare * 100, 0),
              rate: n(result.transport.kmRateDkk, 2),
              pensionerMin: n(result.transport.pensionerMinDkk, 0),
              otherMin: n(result.transport.nonPensionerMinDkk, 0),
              km: n(result.transport.distanceKm, 0),
              from: result.transport.thresholdsFrom ?? '–',
            })}
          </Text>
        ) : null}
      </Section>
      {scenario ? (
        <Section title={t('mapTitle', { scenario: t(`scenarios.${scenario.key}`) })} description={t('mapLegend')}>
          <Stack>
            <Select
              label={t('mapScenario')}
              data={result.scenarios.map((s) => ({ value: s.key, label: t(`scenarios.${s.key}`) }))}
              value={shown}
              onChange={(v) => setShown((result.scenarios.find((s) => s.key === v)?.key ?? 'optimum'))}
              allowDeselect={false}
              w={360}
            />
            <Suspense fallback={<Text c="dimmed">{t('mapLoading')}</Text>}>
              <PlanMap result={result} scenario={scenario} />
            </Suspense>
            {scenario.violations.length > 0 ? (
              <Alert color="yellow" title={t('violationsTitle')}>
                <List size="sm">
                  {scenario.violations.map((v) => (
                    <List.Item key={v}>{v}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : null}
            <Table.ScrollContainer minWidth={600}>
              <Table striped>
                <Table.Caption>{t('loadTitle', { scenario: t(`scenarios.${scenario.key}`) })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    {(['municipality', 'hosted', 'served', 'net'] as const).map((c) => (
                      <Table.Th key={c}>{t(`loadColumns.${c}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {scenario.municipalities.map((m) => (
                    <Table.Tr key={m.code}>
                      <Table.Td>{m.name}</Table.Td>
                      <Table.Td>{m.hosted.map((code) => interventionName.get(code) ?? code).join(', ')}</Table.Td>
                      <Table.Td>{n(m.citizensServed)}</Table.Td>
                      <Table.Td>{n(m.net, 0)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Section>
      ) : null}
      {savedName === undefined ? (
        <Section title={t('saveTitle')}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ name, result });
            }}
          >
            <Group align="flex-end">
              <TextInput label={t('name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required w={360} />
              <Button type="submit" loading={save.isPending}>
                {t('save')}
              </Button>
              {save.isSuccess ? <Text role="status">{t('saved')}</Text> : null}
            </Group>
            {save.error ? (
              <Alert color="red" role="alert" mt="sm">
                {save.error.message}
              </Alert>
            ) : null}
          </form>
        </Section>
      ) : null}
    </Stack>
  );
}
