// 我的待办 always shows how many tasks the person holds, also while another filter is open (the Tasklist itself shows
// the count of the open filter only).
const MINE = '我的待办';
const root = document.querySelector('base')?.getAttribute('app-root') ?? '/camunda';
const api = `${root}/api/engine/engine/default`;
let count = null;

async function fetchCount() {
  try {
    const headers = { Accept: 'application/json' };
    const filters = await (await fetch(`${api}/filter?name=${encodeURIComponent(MINE)}`, { headers, credentials: 'same-origin' })).json();
    if (!Array.isArray(filters) || filters.length === 0) return;
    const answer = await (await fetch(`${api}/filter/${filters[0].id}/count`, { headers, credentials: 'same-origin' })).json();
    count = answer.count;
    show();
  } catch (e) {
    // not logged in yet, or offline: the next round tries again
  }
}

function show() {
  for (const link of document.querySelectorAll('.task-filter h4.name a')) {
    if (!link.textContent.trim().startsWith(MINE)) continue;
    const own = link.querySelector('.counter:not(.my-tasks-count)');
    let mine = link.querySelector('.my-tasks-count');
    const ownShown = own && !own.classList.contains('ng-hide');
    if (ownShown || count === null) {
      mine?.remove();
      continue;
    }
    if (!mine) {
      mine = document.createElement('span');
      mine.className = 'counter my-tasks-count';
      link.appendChild(mine);
    }
    mine.textContent = String(count);
  }
}

fetchCount();
setInterval(fetchCount, 30000);
setInterval(show, 1000);
window.addEventListener('hashchange', () => setTimeout(fetchCount, 500));
