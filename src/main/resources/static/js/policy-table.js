// A policy table edited as a grid in words: every change is checked on the server as the officer types (the cell with
// the problem is marked and named), then previewed in words and deployed with a reason as a new version.
(function () {
  const $ = (id) => document.getElementById(id);
  const panel = $('grid-panel');
  const table = panel.dataset.table;
  const base = '/api/policy/tables/' + encodeURIComponent(table);
  const { esc, post: send } = window.policyDraft;
  let layout = null;
  let rows = [];
  let timer = null;

  function cell(column, value, r, c) {
    const attrs = ' data-row="' + r + '" data-col="' + c + '" data-key="' + esc(column.key) + '" aria-label="第' + (r + 1) + '行 ' + esc(column.title) + '"';
    if (column.kind === 'CHOICE') {
      const words = Object.values(column.choices);
      const known = words.includes(value) || value === '';
      return '<select' + attrs + '><option value=""></option>' + words.map((w) => '<option' + (w === value ? ' selected' : '') + '>' + esc(w) + '</option>').join('')
        + (known ? '' : '<option selected>' + esc(value) + '</option>') + '</select>';
    }
    const type = column.kind === 'DATE' ? 'date' : 'text';
    const mode = ['WHOLE_NUMBER', 'YEAR'].includes(column.kind) ? ' inputmode="numeric"' : column.kind === 'AMOUNT' ? ' inputmode="decimal"' : '';
    const width = [...value].reduce((n, ch) => n + (ch.charCodeAt(0) > 255 ? 2 : 1), 0); // a Chinese character is two columns wide
    const size = ['WHOLE_NUMBER', 'YEAR', 'AMOUNT'].includes(column.kind) ? ' size="8"' : column.kind === 'DATE' ? '' : ' size="' + Math.min(36, Math.max(8, width + 2)) + '"';
    return '<input type="' + type + '"' + mode + size + attrs + ' value="' + esc(value) + '" placeholder="' + esc(column.hint) + '">';
  }

  function visible(r) {
    const filter = $('year-filter');
    if (!filter || !filter.value) return true;
    const date = rows[r][layout.columns.findIndex((c) => c.key === 'date')] || '';
    return date === '' || date.startsWith(filter.value);
  }

  function render() {
    const body = $('grid').tBodies[0];
    body.innerHTML = rows.map((row, r) => '<tr data-row="' + r + '"' + (visible(r) ? '' : ' hidden') + '><td class="num muted">' + (r + 1) + '</td>'
      + layout.columns.map((column, c) => '<td>' + cell(column, row[c] || '', r, c) + '</td>').join('')
      + '<td><button type="button" class="button small remove-row" data-row="' + r + '">删除</button></td></tr>').join('');
    drawYear();
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
    drawYear();
  }

  async function check() {
    const { ok, answer } = await send(base + '/check', { rows });
    mark(ok ? answer.errors : (answer.errors || [{ field: 'rows', message: answer.message }]));
  }

  function mark(errors) {
    document.querySelectorAll('#grid [aria-invalid]').forEach((e) => { e.removeAttribute('aria-invalid'); e.removeAttribute('title'); });
    document.querySelectorAll('#grid .cell-error').forEach((e) => e.remove());
    document.querySelectorAll('#grid tr.invalid').forEach((e) => e.classList.remove('invalid'));
    for (const e of errors) {
      const m = /^rows\[(\d+)\](?:\.(.+))?$/.exec(e.field || '');
      if (!m) continue;
      const tr = document.querySelector('#grid tbody tr[data-row="' + m[1] + '"]');
      if (!tr) continue;
      const target = m[2] ? tr.querySelector('[data-key="' + CSS.escape(m[2]) + '"]') : null;
      if (target) {
        target.setAttribute('aria-invalid', 'true');
        target.title = e.message;
        target.insertAdjacentHTML('afterend', '<div class="cell-error">' + esc(e.message) + '</div>'); // said where the eye is
      } else {
        tr.classList.add('invalid');
      }
      tr.hidden = false;
    }
    $('cell-errors').innerHTML = errors.length ? '<div class="errors" role="alert" id="grid-invalid"><p><strong>' + errors.length + ' 处需要改正：</strong></p><ul>'
      + errors.map((e) => '<li>' + esc(e.message) + '</li>').join('') + '</ul></div>' : '';
    return errors.length === 0;
  }

  function list(title, items, id) {
    return items.length ? '<h3>' + title + '</h3><ul id="' + id + '">' + items.map((s) => '<li>' + esc(s) + '</li>').join('') + '</ul>' : '';
  }

  function violations(items) {
    return items.length ? '<div class="errors" role="alert" id="table-violations"><p><strong>' + items.length + ' 处违反规则，不能部署：</strong></p><ul>'
      + items.map((v) => '<li>' + esc(v.file) + (v.element ? ' ' + esc(v.element) : '') + '：' + esc(v.zh) + '</li>').join('') + '</ul></div>' : '';
  }

  $('grid').addEventListener('input', (event) => {
    const t = event.target;
    if (t.dataset.row === undefined) return;
    rows[+t.dataset.row][+t.dataset.col] = t.value;
    changed();
  });
  $('grid').addEventListener('change', (event) => {
    const t = event.target;
    if (t.dataset.row === undefined) return;
    rows[+t.dataset.row][+t.dataset.col] = t.value;
    changed();
  });
  $('grid').addEventListener('click', (event) => {
    const t = event.target.closest('.remove-row');
    if (!t) return;
    rows.splice(+t.dataset.row, 1);
    render();
    changed();
  });
  $('add-row').addEventListener('click', () => {
    rows.push(layout.columns.map(() => ''));
    render();
    const last = $('grid').tBodies[0].lastElementChild;
    last.hidden = false;
    last.querySelector('input, select').focus();
  });

  $('preview-table').addEventListener('click', async () => {
    const { ok, answer } = await send(base + '/preview', { rows });
    if (!ok) { $('preview-result').innerHTML = '<div class="errors" role="alert"><p>' + esc(answer.message) + '</p></div>'; return; }
    if (!mark(answer.errors)) { $('preview-result').innerHTML = '<p class="errors">请先改正表格中标出的单元格。</p>'; return; }
    $('preview-result').innerHTML = (answer.changes.length ? list('这次修改', answer.changes, 'table-changes') : '<p class="muted" id="table-changes">与现行版本相同，没有修改。</p>')
      + list('对案件的影响', answer.effects, 'table-effects') + violations(answer.violations)
      + (answer.violations.length ? '' : '<p class="notice" id="table-valid">校验通过，可以部署。</p>');
  });

  $('deploy-table').addEventListener('click', async () => {
    const { ok, answer } = await send(base + '/versions', { rows, comment: $('table-comment').value });
    if (!ok) {
      mark(answer.errors.filter((e) => (e.field || '').startsWith('rows[')));
      $('deploy-table-result').innerHTML = '<div class="errors" role="alert"><p>' + esc(answer.message) + '</p>'
        + answer.errors.filter((e) => !(e.field || '').startsWith('rows[')).map((e) => '<p>' + esc(e.message) + '</p>').join('')
        + violations(answer.violations || []) + '</div>';
      return;
    }
    sessionStorage.setItem('policy-table-notice', '已部署：' + answer.tableVersions.map((v) => v.replace(/^.*:/, '第 ') + ' 版').join('、') + '，即时生效。');
    location.reload();
  });

  // The holiday calendar: a year at a glance; a click on a day marks it 放假, then 调休上班, then clears it.
  const dateCol = () => layout.columns.findIndex((c) => c.key === 'date');
  const kindCol = () => layout.columns.findIndex((c) => c.key === 'kind');
  const nameCol = () => layout.columns.findIndex((c) => c.key === 'name');

  function years() {
    const set = new Set(rows.map((r) => (r[dateCol()] || '').slice(0, 4)).filter((y) => /^\d{4}$/.test(y)));
    return [...set].sort();
  }

  function fillYears(selected) {
    const filter = $('year-filter');
    const all = years();
    if (selected && !all.includes(selected)) all.push(selected);
    filter.innerHTML = '<option value="">全部</option>' + all.map((y) => '<option' + (y === selected ? ' selected' : '') + '>' + y + '</option>').join('');
  }

  function drawYear() {
    const view = $('year-view');
    if (!view) return;
    const year = $('year-filter').value;
    if (!year) { view.innerHTML = '<p class="muted">选择一个年份，在年历上标记放假和调休上班的日子。</p>'; return; }
    const marks = {};
    rows.forEach((r) => { marks[r[dateCol()]] = r[kindCol()]; });
    let html = '';
    for (let m = 0; m < 12; m++) {
      html += '<table class="month"><caption>' + (m + 1) + '月</caption><thead><tr>' + ['一', '二', '三', '四', '五', '六', '日'].map((d) => '<th>' + d + '</th>').join('') + '</tr></thead><tbody><tr>';
      const first = new Date(Date.UTC(+year, m, 1));
      const offset = (first.getUTCDay() + 6) % 7;
      html += '<td></td>'.repeat(offset);
      const days = new Date(Date.UTC(+year, m + 1, 0)).getUTCDate();
      for (let d = 1; d <= days; d++) {
        const iso = year + '-' + String(m + 1).padStart(2, '0') + '-' + String(d).padStart(2, '0');
        const weekday = (offset + d - 1) % 7;
        const kind = marks[iso];
        const cls = kind === '放假' ? 'rest' : kind === '调休上班' ? 'work' : weekday >= 5 ? 'weekend' : '';
        html += '<td><button type="button" class="day ' + cls + '" data-date="' + iso + '" title="' + (m + 1) + '月' + d + '日' + (kind ? '：' + kind : '') + '">' + d + '</button></td>';
        if (weekday === 6 && d < days) html += '</tr><tr>';
      }
      html += '</tr></tbody></table>';
    }
    view.innerHTML = html + '<p class="small muted"><span class="day rest">放</span> 放假 &nbsp; <span class="day work">班</span> 调休上班 &nbsp; <span class="day weekend">末</span> 周末。点一天：标为放假 → 调休上班 → 取消。新标记的日子名称取自同一假期的前一天，或请在表格中填写。</p>';
  }

  if ($('year-view')) {
    $('year-view').addEventListener('click', (event) => {
      const b = event.target.closest('button.day');
      if (!b) return;
      const date = b.dataset.date;
      const i = rows.findIndex((r) => r[dateCol()] === date);
      if (i < 0) {
        const row = layout.columns.map(() => '');
        row[dateCol()] = date;
        row[kindCol()] = '放假';
        const before = rows.find((r) => r[dateCol()] === previousDay(date));
        row[nameCol()] = before ? before[nameCol()].replace(/调休上班$/, '') : '';
        rows.push(row);
        rows.sort((a, b) => (a[dateCol()] || '9999').localeCompare(b[dateCol()] || '9999'));
      } else if (rows[i][kindCol()] === '放假') {
        rows[i][kindCol()] = '调休上班';
        if (rows[i][nameCol()] && !/调休上班$/.test(rows[i][nameCol()])) rows[i][nameCol()] += '调休上班';
      } else {
        rows.splice(i, 1);
      }
      render();
      changed();
    });
    $('year-filter').addEventListener('change', render);
    $('add-year').addEventListener('click', () => {
      const year = $('new-year').value.trim();
      if (!/^\d{4}$/.test(year)) { $('cell-errors').innerHTML = '<p class="errors" role="alert">请填写四位年份，如 2027。</p>'; return; }
      fillYears(year);
      render();
    });
  }

  function previousDay(iso) {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }

  (async () => {
    const response = await fetch(base + '/grid', { credentials: 'same-origin' });
    const grid = await response.json();
    layout = grid.layout;
    rows = grid.rows;
    $('grid-version').textContent = '现行第 ' + grid.version + ' 版';
    if ($('year-filter')) {
      const all = years();
      fillYears(all.length ? all[all.length - 1] : '');
    }
    render();
    const notice = sessionStorage.getItem('policy-table-notice');
    if (notice) {
      sessionStorage.removeItem('policy-table-notice');
      $('deploy-table-result').innerHTML = '<p class="notice" id="table-deployed">' + esc(notice) + '</p>';
    }
  })();
})();
