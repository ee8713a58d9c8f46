export default {
  shell: {
    nav: {
      dashboard: 'Dashboard',
      accounts: 'Accounts',
      actions: 'Actions',
      actionsBadge: '{n} actions due this week or overdue',
      portfolio: 'Portfolio',
      pipeline: 'Pipeline',
      winloss: 'Win-loss',
      retention: 'Retention',
      programs: 'Global programs',
      reviews: 'Reviews',
      settings: 'Settings',
    },
    collapse: 'Collapse navigation',
    expand: 'Expand navigation',
    language: 'Language',
    theme: {
      toLight: 'Switch to light theme',
      toDark: 'Switch to dark theme',
    },
    languageNames: {
      en: 'English',
      'zh-CN': '简体中文',
    },
    notFound: 'This page does not exist.',
    backHome: 'Back to accounts',
  },
}
