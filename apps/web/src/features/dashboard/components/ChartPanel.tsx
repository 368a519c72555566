import { Button, Group, Stack, Text } from '@mantine/core';
import type { DashboardPanelId, DashboardTable } from '@samkraft/contracts/dashboard';
import { drillRowKey, type ChartOption } from '@samkraft/contracts/dashboard-charts';
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../ui/Section.tsx';
import { DashboardTableView } from './DashboardTableView.tsx';
import { EChart, type ChartClick } from './EChart.tsx';

export type ChartPanelProps = {
  panel: DashboardPanelId;
  table: DashboardTable;
  option: ChartOption;
  height?: number;
  /** Shown between the chart and its table (e.g. what a unit is). */
  children?: ReactNode;
};

/**
 * A chart with its caption and its table: "Vis tabel" shows every row; a click on a bar, a point,
 * a Sankey node or flow opens the table filtered to that row ("Vis alle rækker" undoes it).
 */
export function ChartPanel({ panel, table, option, height = 320, children }: ChartPanelProps) {
  const { t } = useTranslation('dashboard');
  const tableId = useId();
  const tableRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [rowKey, setRowKey] = useState<string | null>(null);
  const caption = t(`captions.${panel}`);
  const rows = useMemo(() => (rowKey === null ? table.rows : table.rows.filter((r) => r.key === rowKey)), [table, rowKey]);
  const drilled = rowKey === null ? null : table.rows.find((r) => r.key === rowKey);
  const onSelect = (click: ChartClick) => {
    const key = drillRowKey(panel, table, click);
    if (key === null) return;
    setRowKey(key);
    setOpen(true);
    requestAnimationFrame(() => tableRef.current?.focus());
  };
  return (
    <Section title={table.title}>
      <figure style={{ margin: 0 }} data-panel={panel}>
        <EChart option={option} label={`${table.title}. ${caption}`} height={height} onSelect={onSelect} />
        <Text component="figcaption" size="sm" c="dimmed">
          {caption}
        </Text>
      </figure>
      {children}
      <Group gap="sm">
        <Button variant="light" aria-expanded={open} aria-controls={tableId} onClick={() => { setOpen(!open); setRowKey(null); }}>
          {open ? t('hideTable') : t('showTable')}
        </Button>
        {drilled ? (
          <Button variant="subtle" onClick={() => setRowKey(null)}>
            {t('showAllRows')}
          </Button>
        ) : null}
      </Group>
      <div id={tableId} ref={tableRef} tabIndex={-1} hidden={!open}>
        {open ? (
          <Stack gap="xs">
            {drilled ? <Text size="sm">{t('filteredTo', { label: drilled.label })}</Text> : null}
            <DashboardTableView table={table} rows={rows} label={table.title} />
          </Stack>
        ) : null}
      </div>
    </Section>
  );
}
