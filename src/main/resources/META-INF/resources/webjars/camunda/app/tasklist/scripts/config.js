// Tasklist configuration for the labor-dispute case system (replaces the webjar's config.js on the classpath).
// Chinese is the default language: a browser that asks for English gets English, every other browser Chinese.
// The Chinese strings are in ../locales/zh.json.
export default {
  app: {
    name: '待办任务',
    vendor: '劳动人事争议'
  },
  // due-first.js: every list is ordered by due date, the most urgent first;
  // quick-search.js: text typed into 搜索任务 finds a task by case number, a worker's name or the employer;
  // my-tasks-count.js: 我的待办 always shows its count; chinese-dates.js: the forms' date pickers in Chinese;
  // priority-words.js: priorities as 优先 / 普通; field-errors.js: a refused form's sentence under the field it names
  customScripts: ['scripts/due-first.js', 'scripts/quick-search.js', 'scripts/my-tasks-count.js',
    'scripts/chinese-dates.js', 'scripts/priority-words.js', 'scripts/field-errors.js'],
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '跳到第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '跳到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '跳到任务表单的第一个输入项'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
