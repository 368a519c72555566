import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * ECharts with only the charts and components the dashboard draws, and the SVG renderer (the
 * report PDF's too; text stays text). Imported only by `import()` from EChart.tsx, so it is a
 * chunk of its own, loaded when a chart is first shown.
 */
echarts.use([BarChart, LineChart, SankeyChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { echarts };
