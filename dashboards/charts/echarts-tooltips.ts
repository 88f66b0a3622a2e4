/**
 * ECharts' tooltip and the axis pointer it follows (GridComponent = the grid EChartCanvas has + the axis
 * pointer): about a tenth of ECharts, needed only once someone points at a chart, so EChartCanvas fetches this
 * chunk on the first pointer over a chart instead of with the page.
 */
import { GridComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([GridComponent, TooltipComponent]);
