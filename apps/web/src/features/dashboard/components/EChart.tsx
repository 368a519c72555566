import { Text } from '@mantine/core';
import type { ChartOption } from '@samkraft/contracts/dashboard-charts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type ChartClick = { dataIndex?: number; data?: unknown; dataType?: string };

export type EChartProps = {
  option: ChartOption;
  /** The chart's accessible name (its caption). */
  label: string;
  height: number;
  onSelect?: (click: ChartClick) => void;
};

/**
 * One ECharts chart, drawn as SVG. ECharts is loaded on the first chart (`utils/echarts.ts`, a
 * chunk of its own), not with the page. The container is an image named by the caption; the
 * table under "Vis tabel" is its text alternative.
 */
export function EChart({ option, label, height, onSelect }: EChartProps) {
  const { t } = useTranslation('dashboard');
  const ref = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose: () => void; resize: () => void } | undefined;
    const observer = new ResizeObserver(() => chart?.resize());
    void import('../utils/echarts.ts').then(({ echarts }) => {
      const element = ref.current;
      if (disposed || !element) return;
      const instance = echarts.init(element, null, { renderer: 'svg' });
      instance.setOption(option);
      instance.on('click', (p) => select.current?.(p as ChartClick));
      // ECharts names the container by its own description; the caption is the name here.
      element.setAttribute('aria-label', label);
      chart = instance;
      observer.observe(element);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer.disconnect();
      chart?.dispose();
    };
  }, [option, label]);
  return (
    <div style={{ position: 'relative' }}>
      {ready ? null : (
        <Text size="sm" c="dimmed" style={{ position: 'absolute', top: 8, left: 8 }}>
          {t('loadingChart')}
        </Text>
      )}
      <div ref={ref} role="img" aria-label={label} data-chart="" style={{ width: '100%', height }} />
    </div>
  );
}
