import { Button, Group, NativeSelect, Text, VisuallyHidden } from '@mantine/core';
import type { DashboardPanelId, DashboardTable } from '@samkraft/contracts/dashboard';
import { chartDrill, type ChartDrill, type ChartOption } from '@samkraft/contracts/dashboard-charts';
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../ui/Section.tsx';
import { drilledTable, drillLabel, drillOfValue, drillOptions, drillValue, type DrillNames } from '../utils/drill.ts';
import { DashboardTableView } from './DashboardTableView.tsx';
import { EChart, type ChartClick } from './EChart.tsx';

export type ChartPanelProps = {
  panel: DashboardPanelId;
  table: DashboardTable;
  option: ChartOption;
  /** How the Sankey names its home and provider nodes, so the "Vis tal for" choices say the same. */
  names: DrillNames;
  height?: number;
  /** Shown between the chart and its table (e.g. what a unit is). */
  children?: ReactNode;
};

/**
 * A chart with its caption and its table: "Vis tabel" shows every row; a click on a bar, a point,
 * a Sankey node or flow — or, by keyboard, a choice under "Vis tal for" — opens the table filtered
 * to that category ("Vis alle rækker" undoes it). A status line says what the table now shows.
 */
export function ChartPanel({ panel, table, option, names, height = 320, children }: ChartPanelProps) {
  const { t } = useTranslation('dashboard');
  const tableId = useId();
  const tableRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [drill, setDrill] = useState<ChartDrill | null>(null);
  const [status, setStatus] = useState('');
  const caption = t(`captions.${panel}`);
  const options = useMemo(() => drillOptions(panel, table, names), [panel, table, names]);
  // A drill whose category the table no longer has (another period) shows the whole table.
  const label = drill === null ? null : drillLabel(panel, table, drill, names);
  const current = label === null ? null : drill;
  const shown = useMemo(() => drilledTable(table, current), [table, current]);

  const focusCaption = () =>
    requestAnimationFrame(() => {
      const target = tableRef.current?.querySelector<HTMLElement>('caption') ?? tableRef.current;
      target?.focus();
    });
  const choose = (next: ChartDrill | null) => {
    const nextLabel = next === null ? null : drillLabel(panel, table, next, names);
    if (next !== null && nextLabel === null) return;
    setDrill(next);
    setOpen(true);
    setStatus(nextLabel === null ? t('drill.showingAll') : t('drill.showing', { label: nextLabel }));
  };
  // A click moves focus to the table; a choice in the select does not, so its arrow keys keep working.
  const onSelect = (click: ChartClick) => {
    const next = chartDrill(panel, table, click);
    if (next === null) return;
    choose(next);
    focusCaption();
  };
  const showAll = () => {
    choose(null);
    // The button goes away with the filter; focus goes on to the whole table, not to the page.
    focusCaption();
  };
  const toggle = () => {
    setOpen(!open);
    setDrill(null);
    setStatus('');
  };
  const choices = [
    { value: '', label: t('drill.all') },
    ...(options.columns.length === 0
      ? options.rows
      : [
          { group: t('drill.homes'), items: options.rows },
          { group: t('drill.providers'), items: options.columns },
        ]),
  ];
  return (
    <Section title={table.title}>
      <figure style={{ margin: 0 }} data-panel={panel}>
        <EChart option={option} label={`${table.title}. ${caption}`} height={height} onSelect={onSelect} />
        <Text component="figcaption" size="sm" c="dimmed">
          {caption}
        </Text>
      </figure>
      {children}
      <Group gap="sm" align="end">
        <Button variant="light" aria-expanded={open} aria-controls={tableId} onClick={toggle}>
          {open ? t('hideTable') : t('showTable')}
        </Button>
        <NativeSelect
          label={t(`drill.label.${panel}`)}
          value={current === null ? '' : drillValue(current)}
          onChange={(e) => choose(drillOfValue(e.currentTarget.value))}
          data={choices}
          aria-controls={tableId}
        />
        {current ? (
          <Button variant="subtle" onClick={showAll}>
            {t('showAllRows')}
          </Button>
        ) : null}
      </Group>
      <VisuallyHidden role="status">{status}</VisuallyHidden>
      <div id={tableId} ref={tableRef} tabIndex={-1} hidden={!open}>
        {open ? <DashboardTableView table={shown} label={table.title} caption={label === null ? t('drill.allCaption') : t('filteredTo', { label })} /> : null}
      </div>
    </Section>
  );
}
