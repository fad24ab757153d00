// A decision table edited in the browser (dmn-js): after every change the draft is checked on the server (gaps and
// overlaps marked on their rules), tried on typed inputs, previewed and deployed with a reason through /api/policy.
(function () {
  const $ = (id) => document.getElementById(id);
  const file = $('decision-panel').dataset.file;
  const api = '/api/policy/decisions/' + encodeURIComponent(file);
  const { esc, post, preview, deploy } = window.policyDraft;
  let modeler = null;
  let timer = null;
  let marked = [];
  let decisionId = '';

  async function draft() {
    const { xml } = await modeler.saveXML({ format: true });
    return xml;
  }

  /** The rules of the open table in order, for "第 N 条规则". */
  function rules() {
    const viewer = modeler.getActiveViewer();
    const decision = viewer && viewer.getDecision ? viewer.getDecision() : null;
    return decision && decision.decisionLogic ? decision.decisionLogic.rule || [] : [];
  }

  function describe(v) {
    const ids = (v.element || '').split(',').filter(Boolean);
    const order = rules().map((r) => r.id);
    const places = ids.map((id) => order.indexOf(id)).filter((i) => i >= 0).map((i) => '第 ' + (i + 1) + ' 条规则');
    return (places.length ? places.join('、') + '：' : '') + v.zh;
  }

  function mark(violations) {
    marked = violations.flatMap((v) => (v.element || '').split(',')).filter(Boolean);
    paint();
    $('decision-check').innerHTML = violations.length
      ? '<div class="errors" role="alert" id="decision-invalid"><p><strong>' + violations.length + ' 处需要改正，改正前不能部署：</strong></p><ul>'
        + violations.map((v) => '<li>' + esc(describe(v)) + '</li>').join('') + '</ul></div>'
      : '<p class="notice" id="decision-valid">没有空缺或重叠：每一组输入都恰好命中应有的规则。</p>';
  }

  function paint() {
    document.querySelectorAll('#decision-editor td.violation').forEach((td) => td.classList.remove('violation'));
    for (const id of marked) {
      document.querySelectorAll('#decision-editor td[data-row-id="' + CSS.escape(id) + '"]').forEach((td) => td.classList.add('violation'));
    }
  }

  async function check() {
    const { ok, answer } = await post(api + '/check', { xml: await draft() });
    mark(ok ? answer.violations : (answer.violations && answer.violations.length ? answer.violations : [{ zh: answer.message }]));
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(check, 500);
    setTimeout(paint, 50);
  }

  async function buildTrial() {
    const { ok, answer } = await post(api + '/form', { xml: await draft() });
    if (!ok) { $('trial-form').innerHTML = '<p class="errors">' + esc(answer.message) + '</p>'; return; }
    decisionId = answer.decisionId;
    $('decision-name').textContent = answer.decisionName || file;
    $('trial-form').innerHTML = answer.inputs.map((f) => '<label>' + esc(f.label)
      + (f.choices.length
        ? '<select name="' + esc(f.variable) + '"><option value="">（不填）</option>' + f.choices.map((c) => '<option value="' + esc(c.code) + '">' + esc(c.word) + '</option>').join('') + '</select>'
        : '<input name="' + esc(f.variable) + '" inputmode="decimal" autocomplete="off">')
      + '</label>').join('');
  }

  $('try').addEventListener('click', async () => {
    const inputs = {};
    for (const el of $('trial-form').elements) inputs[el.name] = el.value;
    const { ok, answer } = await post(api + '/trial', { xml: await draft(), inputs });
    if (!ok) {
      $('trial-result').innerHTML = '<div class="errors" role="alert"><p>' + esc(answer.message) + '</p>'
        + (answer.errors || []).filter((e) => e.field !== 'files').map((e) => '<p>' + esc(e.message) + '</p>').join('') + '</div>';
      return;
    }
    const results = answer.results;
    if (!results.length) { $('trial-result').innerHTML = '<p class="errors" id="trial-none">没有规则命中这组输入：表中有空缺。</p>'; return; }
    const columns = Object.keys(results[0]);
    $('trial-result').innerHTML = '<table id="trial-table"><thead><tr>' + columns.map((c) => '<th>' + esc(c) + '</th>').join('') + '</tr></thead><tbody>'
      + results.map((r) => '<tr>' + columns.map((c) => '<td>' + esc(r[c]) + '</td>').join('') + '</tr>').join('') + '</tbody></table>';
  });

  $('preview-decision').addEventListener('click', async () => preview(file, await draft(), $('decision-preview'),
    { valid: 'decision-preview-valid', changes: 'decision-changes' }, describe));

  $('deploy-decision').addEventListener('click', async () => {
    const answer = await deploy(file, await draft(), $('decision-comment').value, $('decision-deployed'), describe);
    if (!answer) return;
    const mine = answer.definitions.find((d) => d.startsWith(decisionId + ':'));
    $('decision-deployed').innerHTML = '<p class="notice" id="decision-deployed-ok">已部署' + (mine ? '为第 ' + esc(mine.split(':')[1]) + ' 版' : '')
      + '，新案件即用新表。</p>';
  });

  (async () => {
    const camunda = await (await fetch('/vendor/camunda-moddle/camunda-dmn.json')).json();
    const chinese = { additionalModules: [{ translate: ['value', window.editorWords] }] }; // each view takes its own modules
    modeler = new DmnJS({ container: '#decision-editor', moddleExtensions: { camunda },
      drd: chinese, decisionTable: chinese, literalExpression: chinese });
    const response = await fetch('/api/policy/files/' + encodeURIComponent(file), { credentials: 'same-origin' });
    await modeler.importXML(await response.text());
    const table = modeler.getViews().find((v) => v.type === 'decisionTable');
    if (table) await modeler.open(table);
    modeler.on('views.changed', () => setTimeout(paint, 50));
    const bus = modeler.getActiveViewer().get('eventBus');
    bus.on('elements.changed', changed);
    await buildTrial();
    await check();
  })();
})();
