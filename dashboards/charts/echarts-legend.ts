/**
 * ECharts' legend (plain and scrolling), for charts whose option asks for one (the analysts' explorer). The
 * dashboards draw their legends in HTML (EChart.tsx `legend`), so their pages never fetch this chunk.
 */
import { LegendComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([LegendComponent]);
