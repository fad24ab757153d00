// The policy editor's page: posts to /api/policy with the session's CSRF token and shows the answers as tables.
(function () {
  const csrf = document.querySelector('#files-form input[name=_csrf]').value;
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

  function filesData() {
    const data = new FormData();
    for (const f of $('files').files) data.append('files', f, f.name);
    if ($('from-repository').checked) data.append('fromRepository', 'true');
    if ($('remove').value.trim()) data.append('remove', $('remove').value.trim());
    return data;
  }

  async function send(url, body) {
    const json = !(body instanceof FormData);
    const response = await fetch(url, {
      method: 'POST', credentials: 'same-origin', body: json ? JSON.stringify(body) : body,
      headers: Object.assign({ 'X-CSRF-Token': csrf }, json ? { 'Content-Type': 'application/json' } : {}),
    });
    const answer = await response.json().catch(() => ({ message: response.statusText }));
    return { ok: response.ok, answer };
  }

  function violations(list) {
    if (!list || !list.length) return '<p class="notice" id="valid">校验通过：没有违反规则之处。</p>';
    return '<div class="errors" role="alert" id="invalid"><p><strong>' + list.length + ' 处违反规则，不能部署：</strong></p><table><thead><tr><th>文件</th><th>元素</th><th>规则</th><th>要改什么</th></tr></thead><tbody>'
      + list.map((v) => '<tr><td>' + esc(v.file) + '</td><td><code>' + esc(v.element) + '</code></td><td>' + esc(v.rule) + '</td><td>' + esc(v.zh) + '<br><span class="muted">' + esc(v.en) + '</span></td></tr>').join('')
      + '</tbody></table></div>';
  }

  function failure(answer) {
    return '<div class="errors" role="alert"><p>' + esc(answer.message) + '</p>'
      + (answer.errors || []).filter((e) => e.message !== answer.message).map((e) => '<p>' + esc(e.message) + '</p>').join('')
      + (answer.violations && answer.violations.length ? violations(answer.violations) : '') + '</div>';
  }

  function report(r) {
    return violations(r.violations) + '<p class="muted">与已部署版本不同的文件：' + (r.changedFiles.length ? r.changedFiles.map(esc).join('、') : '无')
      + (r.removedFiles.length ? '；删除：' + r.removedFiles.map(esc).join('、') : '')
      + (r.unchangedFiles.length ? '；相同：' + r.unchangedFiles.map(esc).join('、') : '') + '</p>';
  }

  function preview(p) {
    let html = report(p.report);
    html += '<h3>差异</h3>' + (p.changes.length ? '<table id="changes"><thead><tr><th>文件</th><th>元素</th><th>变化</th><th>原来</th><th>现在</th></tr></thead><tbody>'
      + p.changes.map((c) => '<tr><td>' + esc(c.file) + '</td><td><code>' + esc(c.element) + '</code></td><td>' + (c.kind === 'CHANGED' ? '修改：' : '') + esc(c.what)
        + '</td><td>' + esc(c.before) + '</td><td>' + esc(c.after) + '</td></tr>').join('') + '</tbody></table>' : '<p class="muted">没有差异。</p>');
    if (p.waiting.length) {
      html += '<h3>运行中的案件停留位置（现行版本）</h3><table id="waiting"><thead><tr><th>流程</th><th>环节</th><th class="num">案件数</th><th></th></tr></thead><tbody>'
        + p.waiting.map((w) => '<tr><td>' + esc(w.processKey) + ' 第' + w.version + '版</td><td>' + esc(w.elementName || w.elementId) + ' <code>' + esc(w.elementId) + '</code></td><td class="num">'
          + w.cases + '</td><td>' + (w.removed ? '<span class="badge overdue">新版本已删除此环节：这些案件无法迁移，将留在原版本继续办理</span>' : '') + '</td></tr>').join('') + '</tbody></table>';
    }
    return html;
  }

  $('validate').addEventListener('click', async () => {
    const { ok, answer } = await send('/api/policy/validate', filesData());
    $('report').innerHTML = ok ? report(answer) : failure(answer);
  });
  $('preview').addEventListener('click', async () => {
    const { ok, answer } = await send('/api/policy/preview', filesData());
    $('report').innerHTML = ok ? preview(answer) : failure(answer);
  });
  $('deploy').addEventListener('click', async () => {
    const data = filesData();
    data.append('comment', $('deploy-comment').value);
    const { ok, answer } = await send('/api/policy/deployments', data);
    $('deploy-result').innerHTML = ok ? '<p class="notice" id="deployed">已部署：' + esc(answer.changedFiles.join('、')) + '。新版本：'
      + esc(answer.definitions.concat(answer.tableVersions).join('，')) + '。<a href="/policy">刷新版本列表</a></p>' : failure(answer);
  });

  function dryRun(c) {
    return '<p>第 ' + c.sourceVersion + ' 版 → 第 ' + c.targetVersion + ' 版：<strong id="movable-count">' + c.movable.length + '</strong> 件可迁移，<strong id="blocked-count">'
      + c.blocked.length + '</strong> 件不能迁移（留在原版本继续办理）。</p>'
      + (c.blocked.length ? '<table id="blocked"><thead><tr><th>案号</th><th>原因</th></tr></thead><tbody>' + c.blocked.map((b) => '<tr><td class="case">'
        + esc(b.caseNumber || b.processInstanceId) + '</td><td>' + esc(b.reason) + '</td></tr>').join('') + '</tbody></table>' : '')
      + (c.unmapped.length ? '<p class="muted">新版本中没有对应环节的旧环节：' + c.unmapped.map(esc).join('、') + '</p>' : '');
  }
  const migration = () => ({ processKey: $('migrate-key').value, sourceVersion: Number($('migrate-version').value) });
  // The dry run checks every running case of the version with the engine (about 5 seconds per thousand cases): the
  // time spent is shown while it runs, and the buttons wait.
  async function checking(target, request) {
    const started = Date.now();
    const buttons = [$('dry-run'), $('migrate')];
    buttons.forEach((b) => { b.disabled = true; });
    const tick = () => { target.innerHTML = '<p class="muted" id="checking">正在用流程引擎的迁移检查逐件核对运行中的案件（每千件约需5秒），已用 '
      + Math.round((Date.now() - started) / 1000) + ' 秒……</p>'; };
    tick();
    const timer = setInterval(tick, 1000);
    try {
      return await request();
    } finally {
      clearInterval(timer);
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  $('dry-run').addEventListener('click', async () => {
    const { ok, answer } = await checking($('dry-run-result'), () => send('/api/policy/migrations/dry-run', migration()));
    $('dry-run-result').innerHTML = ok ? dryRun(answer) : failure(answer);
  });
  $('migrate').addEventListener('click', async () => {
    const { ok, answer } = await checking($('dry-run-result'),
      () => send('/api/policy/migrations', Object.assign(migration(), { comment: $('migrate-comment').value })));
    if (!ok) { $('dry-run-result').innerHTML = ''; $('migrate-result').innerHTML = failure(answer); return; }
    $('dry-run-result').innerHTML = dryRun(answer.check);
    const poll = async () => {
      const p = await (await fetch('/api/policy/migrations/' + encodeURIComponent(answer.batchId), { credentials: 'same-origin' })).json();
      $('migrate-result').innerHTML = '<p class="notice" id="migration-progress">迁移批次 ' + esc(p.batchId) + '：共 ' + p.total + ' 项，已完成 ' + p.completed
        + '，失败 ' + p.failed + '，待处理 ' + p.remaining + (p.finished ? '。已完成。' : '……') + '</p>';
      if (!p.finished && p.failed === 0) setTimeout(poll, 1000);
    };
    poll();
  });

  async function withReason(url, question) {
    const comment = window.prompt(question);
    if (comment === null) return;
    const { ok, answer } = await send(url, { comment });
    if (ok) window.location.reload(); else window.alert(answer.message + '\n' + (answer.errors || []).map((e) => e.message).join('\n'));
  }
  document.querySelectorAll('button.rollback').forEach((b) => b.addEventListener('click', () =>
    withReason('/api/policy/deployments/' + encodeURIComponent(b.dataset.deployment) + '/rollback', '回退原因（必填）：')));
  document.querySelectorAll('button.restore').forEach((b) => b.addEventListener('click', () =>
    withReason('/api/policy/tables/' + encodeURIComponent(b.dataset.table) + '/versions/' + b.dataset.version + '/restore', '恢复原因（必填）：')));
}());
