// ECharts pieces the retention charts use, registered once; the colours come
// from the theme through the workspace's useChartColors.
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, LineChart, ScatterChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'

use([CanvasRenderer, BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent])

export { useChartColors, escapeHtml } from '@/views/accounts/workspace/charts'
