export default {
  settings: {
    title: 'Settings',
    subtitle: 'How Keystone looks, and where your data lives.',
    appearance: {
      title: 'Appearance',
      language: 'Language',
      languageHint: 'The language of menus, forms and reports.',
      followSystem: 'Follow system',
      theme: 'Theme',
      themeHint: 'Dark works well in dim rooms and on OLED screens.',
      light: 'Light',
      dark: 'Dark',
      system: 'Follow system',
    },
    about: {
      title: 'About this data',
      hint: 'Everything you enter stays in this folder on this computer. Back it up to keep it safe.',
      dataDir: 'Data folder',
      version: 'Keystone version',
      schemaVersion: 'Data format',
      accounts: 'Active accounts',
      copy: 'Copy path',
      copied: 'Path copied.',
      loadFailed: 'The data information could not be loaded.',
    },
    saveFailed: 'The preference could not be saved: {reason}',
  },
}
