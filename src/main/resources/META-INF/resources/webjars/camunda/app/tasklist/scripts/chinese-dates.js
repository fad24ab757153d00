// The forms' date and time pickers in Chinese: 周日…周六, 一月…十二月, 2026年12月9日 (the Tasklist's form library
// draws them in English whatever the page's language).
const WEEKDAYS = { Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const MONTH_WORDS = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
const DAY_LABEL = new RegExp(`^(${MONTHS.join('|')}) (\\d{1,2}), (\\d{4})$`);
const PLACEHOLDERS = { 'yyyy/mm/dd': '年/月/日，如 2026/12/09', 'mm/dd/yyyy': '月/日/年', 'hh:mm': '时:分，如 09:30' };

function translate(root) {
  root.querySelectorAll?.('.flatpickr-weekday').forEach(day => {
    const word = WEEKDAYS[day.textContent.trim()];
    if (word) day.textContent = word;
  });
  root.querySelectorAll?.('.flatpickr-monthDropdown-month, .flatpickr-calendar .cur-month').forEach(month => {
    const i = MONTHS.indexOf(month.textContent.trim());
    if (i >= 0) month.textContent = MONTH_WORDS[i];
  });
  root.querySelectorAll?.('.flatpickr-day[aria-label]').forEach(day => {
    const m = day.getAttribute('aria-label').match(DAY_LABEL);
    if (m) day.setAttribute('aria-label', `${m[3]}年${MONTHS.indexOf(m[1]) + 1}月${m[2]}日`);
  });
  root.querySelectorAll?.('input[placeholder]').forEach(input => {
    const word = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (word) input.setAttribute('placeholder', word);
  });
}

new MutationObserver(changes => {
  for (const change of changes) {
    for (const node of change.addedNodes) {
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const calendar = node.closest('.flatpickr-calendar');
      if (calendar) translate(calendar);
      else if (node.matches('input[placeholder]') || node.querySelector('.flatpickr-calendar, input[placeholder]')) {
        translate(node.parentElement ?? node);
      }
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });
translate(document);
