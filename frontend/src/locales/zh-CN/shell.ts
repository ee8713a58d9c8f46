export default {
  shell: {
    nav: {
      dashboard: '仪表盘',
      accounts: '客户',
      actions: '行动',
      actionsBadge: '本周到期或已逾期的行动：{n} 项',
      portfolio: '客户组合',
      pipeline: '商机管道',
      winloss: '赢单/丢单分析',
      retention: '客户保留',
      programs: '全球大客户项目',
      reviews: '客户评审',
      settings: '设置',
    },
    collapse: '收起导航',
    expand: '展开导航',
    language: '语言',
    theme: {
      toLight: '切换到浅色主题',
      toDark: '切换到深色主题',
    },
    languageNames: {
      en: 'English',
      'zh-CN': '简体中文',
    },
    notFound: '页面不存在。',
    backHome: '返回客户列表',
  },
}
