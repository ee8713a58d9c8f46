// A restrained palette: slate-blue primary, neutral greys, one warm accent in the logo.
import type { GlobalThemeOverrides } from 'naive-ui'

// Latin faces first: a CJK face listed earlier would also draw Latin text and
// its full-width punctuation ("Customer’ s"); the bundled Inter stands in where
// the system has none of them. The bundled Noto Sans SC is last.
const font = `-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', 'Inter Variable', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei UI', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC', sans-serif`

const shared: GlobalThemeOverrides['common'] = {
  fontFamily: font,
  fontFamilyMono: `ui-monospace, SFMono-Regular, Menlo, Consolas, 'Noto Sans SC', monospace`,
  borderRadius: '6px',
  borderRadiusSmall: '4px',
  fontSize: '14px',
  fontSizeMedium: '14px',
}

export const lightOverrides: GlobalThemeOverrides = {
  common: {
    ...shared,
    primaryColor: '#2f5bb7',
    primaryColorHover: '#4571c9',
    primaryColorPressed: '#244a99',
    primaryColorSuppl: '#4571c9',
    infoColor: '#2f5bb7',
    infoColorHover: '#4571c9',
    infoColorPressed: '#244a99',
    bodyColor: '#f5f6f8',
    textColorBase: '#1f2329',
  },
  Layout: { siderColor: '#ffffff', headerColor: '#ffffff', color: '#f5f6f8' },
  DataTable: { thColor: '#fafbfc', tdColorHover: '#f4f7fd' },
  Card: { borderRadius: '8px' },
}

export const darkOverrides: GlobalThemeOverrides = {
  common: {
    ...shared,
    primaryColor: '#6f97e8',
    primaryColorHover: '#88aaf0',
    primaryColorPressed: '#5a82d4',
    primaryColorSuppl: '#88aaf0',
    infoColor: '#6f97e8',
    infoColorHover: '#88aaf0',
    infoColorPressed: '#5a82d4',
    bodyColor: '#121418',
  },
  Layout: { siderColor: '#181a1f', headerColor: '#181a1f', color: '#121418' },
  DataTable: { thColor: '#1d2026', tdColorHover: '#20242c' },
  Card: { borderRadius: '8px', color: '#181a1f' },
}
