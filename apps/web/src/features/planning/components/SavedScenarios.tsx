import { Button, Group, Table, Text } from '@mantine/core';
import type { SavedScenarioList } from '@samkraft/contracts/planning';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../../api/client.ts';
import { exportScenario, type PlanExportFormat } from '../api/planningApi.ts';

const FORMATS: readonly PlanExportFormat[] = ['pdf', 'xlsx', 'lp', 'json'];

export function SavedScenarios({ data, onOpen }: { data: SavedScenarioList; onOpen: (id: string) => void }) {
  const { t } = useTranslation('planning');
  if (data.scenarios.length === 0) return <Text>{t('savedNone')}</Text>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {(['name', 'created', 'by', 'municipalities', 'citizenKm', 'export'] as const).map((c) => (
              <Table.Th key={c}>{t(`savedColumns.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.scenarios.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>{new Date(s.createdAt).toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen' })}</Table.Td>
              <Table.Td>{s.createdByName ?? '–'}</Table.Td>
              <Table.Td>{s.municipalityCount}</Table.Td>
              <Table.Td>{s.citizenKm === null ? '–' : s.citizenKm.toLocaleString('da-DK', { maximumFractionDigits: 0 })}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button size="compact-xs" aria-label={t('openLabel', { name: s.name })} onClick={() => onOpen(s.id)}>
                    {t('open')}
                  </Button>
                  {FORMATS.map((f) => (
                    <Button key={f} size="compact-xs" variant="light" aria-label={t('exportLabel', { format: t(`exportAs.${f}`), name: s.name })} onClick={() => void exportScenario(s.id, f).then(saveFile)}>
                      {t(`exportAs.${f}`)}
                    </Button>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
