// Cockpit configuration for the labor-dispute case system: Chinese first, English for browsers that ask for it.
export default {
  app: {
    name: '流程监控',
    vendor: '劳动人事争议'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
