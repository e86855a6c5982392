/**
 * Apache ECharts, only the parts the dashboard draws (bars, lines, a treemap), rendered as
 * SVG so that the charts print sharp on A4.
 */
import { BarChart, LineChart, ScatterChart, TreemapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption, TreemapSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, ScatterChart, TreemapChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | ScatterSeriesOption | TreemapSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';

const charts = new WeakMap<HTMLElement, ECharts>();

/** Draws `option` in `container`, reusing the chart already there; returns it for click handlers. */
export function draw(container: HTMLElement, option: ChartOption): ECharts {
  let chart = charts.get(container);
  if (!chart) {
    chart = init(container, undefined, { renderer: 'svg' });
    charts.set(container, chart);
    // A ResizeObserver reports every container once as soon as it observes it, and ECharts'
    // resize() lays out and draws the whole chart again even at the same size: only a change of
    // size is passed on, or every chart of a view is drawn twice before the view is complete.
    new ResizeObserver(([entry]) => {
      const { width, height } = entry!.contentRect;
      if (Math.round(width) !== chart!.getWidth() || Math.round(height) !== chart!.getHeight()) chart!.resize();
    }).observe(container);
  }
  chart.setOption({ textStyle: { fontFamily: FONT }, aria: { enabled: true }, animation: false, ...option }, { notMerge: true });
  return chart;
}
