/**
 * ECharts, tree-shaken: only the charts and components the Reports page draws, on the SVG
 * renderer (crisp at any zoom, and no canvas to keep in sync with the tables). Importing
 * `echarts` whole would add every chart type to the bundle.
 */
import { BarChart, FunnelChart, HeatmapChart, type BarSeriesOption, type FunnelSeriesOption, type HeatmapSeriesOption } from 'echarts/charts';
import {
  GridSimpleComponent,
  LegendPlainComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, FunnelChart, HeatmapChart, GridSimpleComponent, LegendPlainComponent, TooltipComponent, VisualMapPiecewiseComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | FunnelSeriesOption | HeatmapSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export { init };
