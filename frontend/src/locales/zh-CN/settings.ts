export default {
  settings: {
    title: '设置',
    subtitle: '界面外观，以及数据的存放位置。',
    appearance: {
      title: '外观',
      language: '语言',
      languageHint: '菜单、表单和报告所用的语言。',
      followSystem: '跟随系统',
      theme: '主题',
      themeHint: '深色主题适合光线较暗的环境。',
      light: '浅色',
      dark: '深色',
      system: '跟随系统',
    },
    about: {
      title: '关于数据',
      hint: '您录入的所有内容都只保存在本机的这个文件夹中。请定期备份。',
      dataDir: '数据文件夹',
      version: '基石版本',
      schemaVersion: '数据格式版本',
      accounts: '在管客户数',
      copy: '复制路径',
      copied: '路径已复制。',
      loadFailed: '无法加载数据信息。',
    },
    saveFailed: '无法保存偏好设置：{reason}',
  },
}
