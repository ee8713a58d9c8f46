// ECharts pieces the workspace charts use (registered once, tree-shaken), and
// colours taken from the Naive UI theme so charts follow light and dark.
import { computed } from 'vue'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { useThemeVars } from 'naive-ui'

use([CanvasRenderer, BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent])

export function useChartColors() {
  const vars = useThemeVars()
  return computed(() => ({
    text: vars.value.textColor2,
    muted: vars.value.textColor3,
    split: vars.value.dividerColor,
    axis: vars.value.borderColor,
    tooltipBg: vars.value.popoverColor,
    tooltipText: vars.value.textColor1,
    font: vars.value.fontFamily,
    primary: vars.value.primaryColor,
    success: vars.value.successColor,
    warning: vars.value.warningColor,
    target: vars.value.textColor3,
  }))
}

/** Escapes user text (names) before it goes into an HTML tooltip. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
