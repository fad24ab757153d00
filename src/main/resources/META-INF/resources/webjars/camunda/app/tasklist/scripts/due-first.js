// Every list in the Tasklist is ordered by due date, the most urgent first, unless the person chose another order
// (the Tasklist's own default is the newest first, which hides what is about to be late).
const DUE_FIRST = encodeURIComponent(JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]));

function dueFirst() {
  const hash = window.location.hash || '#/';
  if (!hash.startsWith('#/') || hash.startsWith('#/login') || /[?&]sorting=/.test(hash)) return;
  const [path, query] = hash.split('?');
  window.location.replace(`${window.location.pathname}${window.location.search}${path}?${query ? query + '&' : ''}sorting=${DUE_FIRST}`);
}

dueFirst();
window.addEventListener('hashchange', dueFirst);
