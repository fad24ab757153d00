// 搜索任务: text typed into the Tasklist's search box and confirmed with Enter finds the tasks whose case has it in
// its number, a worker's name or the employer's name (the case variable 案号或当事人, set at intake), within the
// filter shown. The Tasklist's own criteria (a variable by name, a date, …) stay: they are chosen from the box's list.
function searchFor(text) {
  const hash = window.location.hash || '#/';
  const [path, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  let pills = [];
  try {
    pills = JSON.parse(params.get('searchQuery') || '[]');
  } catch (e) {
    pills = [];
  }
  pills = pills.filter(p => !(p.type === 'processVariables' && p.name === '案号或当事人'));
  pills.push({ type: 'processVariables', operator: 'like', value: `%${text}%`, name: '案号或当事人' });
  params.set('searchQuery', JSON.stringify(pills));
  params.delete('task');
  window.location.hash = `${path}?${params.toString()}`;
}

document.addEventListener('keydown', event => {
  const input = event.target;
  if (event.key !== 'Enter' || !(input instanceof HTMLInputElement) || !input.closest('[cam-widget-search]')
      || input.closest('.search-label, .cam-widget-inline-field')) {
    return;
  }
  const text = input.value.trim();
  if (!text) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  input.value = '';
  input.blur();
  searchFor(text);
}, true);
