// ECharts pieces of the relationship tab (registered once, tree-shaken): the
// radar of the driver and facilitator profile, the history lines, and the
// relationship map as a graph with fixed positions.
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { GraphChart, LineChart, RadarChart } from 'echarts/charts'
import {
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, RadarComponent, TooltipComponent,
} from 'echarts/components'

use([CanvasRenderer, GraphChart, LineChart, RadarChart, GridComponent, LegendComponent, MarkAreaComponent,
  MarkLineComponent, RadarComponent, TooltipComponent])

export { useChartColors, escapeHtml } from '@/views/accounts/workspace/charts'
