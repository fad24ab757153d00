// A process model edited in the browser (bpmn-js Modeler): a step's name, its role, its period and its form are chosen
// in words in the side panel; after every change the whole set is checked on the server with the project's model rules
// and each violation is marked on its element; then previewed and deployed with a reason through /api/policy.
(function () {
  const $ = (id) => document.getElementById(id);
  const file = $('model-panel').dataset.file;
  const { esc, post, upload, preview, deploy } = window.policyDraft;
  const DUE = /deadlines\.due\('([A-Z0-9_]+)'/;
  let modeler, modeling, registry, overlays, canvas;
  let options = { roles: [], periods: [], forms: [] };
  let timer = null;
  let marked = [];

  async function draft() {
    const { xml } = await modeler.saveXML({ format: true });
    return xml;
  }

  function nameOf(id) {
    const element = registry.get(id);
    return element && element.businessObject.name ? '“' + element.businessObject.name + '”' : '';
  }

  function mark(violations) {
    marked.forEach((id) => { if (registry.get(id)) canvas.removeMarker(id, 'has-violation'); });
    overlays.remove({ type: 'violation' });
    const byElement = {};
    for (const v of violations) {
      for (const id of (v.element || '').split(',')) {
        if (registry.get(id)) (byElement[id] = byElement[id] || []).push(v.zh);
      }
    }
    marked = Object.keys(byElement);
    for (const id of marked) {
      canvas.addMarker(id, 'has-violation');
      overlays.add(id, 'violation', { position: { top: -10, right: 10 },
        html: '<div class="violation-badge" title="' + esc(byElement[id].join('\n')) + '">' + byElement[id].length + '</div>' });
    }
    $('model-check').innerHTML = violations.length
      ? '<div class="errors" role="alert" id="model-invalid"><p><strong>' + violations.length + ' 处违反规则，改正前不能部署（点一条可在图中选中该元素）：</strong></p><ul id="model-violations">'
        + violations.map((v) => '<li data-element="' + esc(v.element) + '">' + (v.file !== file ? esc(v.file) + '：' : '') + esc(nameOf(v.element)) + ' ' + esc(v.zh) + '</li>').join('') + '</ul></div>'
      : '<p class="notice" id="model-valid">模型检查通过。</p>';
  }

  async function check() {
    const { ok, answer } = await post('/api/policy/validate', upload(file, await draft()));
    mark(ok ? answer.violations : (answer.violations && answer.violations.length ? answer.violations : [{ file, element: '', zh: answer.message }]));
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(check, 600);
  }

  function select(label, id, choices, current, empty) {
    return '<label for="' + id + '">' + label + '</label><select id="' + id + '"><option value="">' + empty + '</option>'
      + choices.map((c) => '<option value="' + esc(c.value) + '"' + (c.value === current ? ' selected' : '') + '>' + esc(c.text) + '</option>').join('') + '</select>';
  }

  function panel(element) {
    const box = $('properties');
    if (!element || element.type === 'label') { box.innerHTML = '<p class="muted">点选图中的一个元素，在此设置它。</p>'; return; }
    const bo = element.businessObject;
    let html = '<h3>' + esc(bo.name || '（未命名）') + '</h3><p class="small muted">编号 ' + esc(bo.id) + '</p>'
      + '<label for="prop-name">名称</label><input id="prop-name" value="' + esc(bo.name || '') + '">';
    if (bo.$type === 'bpmn:UserTask') {
      const group = bo.get('camunda:candidateGroups') || '';
      const role = options.roles.find((r) => r.group === group);
      const due = (DUE.exec(bo.get('camunda:dueDate') || '') || [])[1] || '';
      html += select('办理人员（案件所属组织的）', 'prop-role', options.roles.map((r) => ({ value: r.group, text: r.label })), role ? role.group : '', '（未设置）')
        + select('到期期限', 'prop-period', options.periods.map((p) => ({ value: p.code, text: p.title + '（' + p.length + '）' })), due, '（未设置）')
        + select('表单', 'prop-form', options.forms.map((f) => ({ value: f.id, text: f.title })), bo.get('camunda:formRef') || '', '（无表单）');
    }
    box.innerHTML = html;
    $('prop-name').addEventListener('change', (e) => modeling.updateLabel(element, e.target.value));
    if (bo.$type !== 'bpmn:UserTask') return;
    $('prop-role').addEventListener('change', (e) => modeling.updateProperties(element, { 'camunda:candidateGroups': e.target.value || undefined }));
    $('prop-period').addEventListener('change', (e) => {
      const code = e.target.value;
      const old = bo.get('camunda:dueDate') || '';
      const next = !code ? undefined : DUE.test(old) ? old.replace(DUE, "deadlines.due('" + code + "'") : "${deadlines.due('" + code + "')}";
      modeling.updateProperties(element, { 'camunda:dueDate': next });
    });
    $('prop-form').addEventListener('change', (e) => modeling.updateProperties(element, e.target.value
      ? { 'camunda:formRef': e.target.value, 'camunda:formRefBinding': 'deployment' }
      : { 'camunda:formRef': undefined, 'camunda:formRefBinding': undefined }));
  }

  $('model-check').addEventListener('click', (event) => {
    const li = event.target.closest('li[data-element]');
    const element = li && registry.get(li.dataset.element.split(',')[0]);
    if (!element) return;
    modeler.get('selection').select(element);
    canvas.scrollToElement(element);
  });

  const describe = (v) => (nameOf(v.element) ? nameOf(v.element) + ' ' : '') + v.zh;

  $('preview-model').addEventListener('click', async () => {
    const answer = await preview(file, await draft(), $('model-preview'), { valid: 'model-preview-valid', changes: 'model-changes' }, describe);
    if (!answer) return;
    mark(answer.report.violations);
    if (answer.waiting.length) {
      $('model-preview').insertAdjacentHTML('beforeend', '<h3>运行中的案件停在</h3><ul>' + answer.waiting.map((w) => '<li>' + esc(w.elementName || w.elementId) + '：'
        + w.cases + ' 件' + (w.removed ? '（新版本删除了此环节，这些案件留在原版本继续办理）' : '') + '</li>').join('') + '</ul>');
    }
  });

  $('deploy-model').addEventListener('click', async () => {
    const answer = await deploy(file, await draft(), $('model-comment').value, $('model-deployed'), describe);
    if (!answer) return;
    $('model-deployed').innerHTML = '<p class="notice" id="model-deployed-ok">已部署为新版本，新案件即用新流程；运行中的案件可在<a href="/policy#step-migrate">流程与政策变更</a>页面迁移。</p>';
  });

  (async () => {
    const camunda = await (await fetch('/vendor/camunda-moddle/camunda-bpmn.json')).json();
    options = await (await fetch('/api/policy/modeling-options', { credentials: 'same-origin' })).json();
    modeler = new BpmnJS({ container: '#canvas', moddleExtensions: { camunda },
      additionalModules: [{ translate: ['value', window.editorWords] }] });
    const xml = await (await fetch('/api/policy/files/' + encodeURIComponent(file), { credentials: 'same-origin' })).text();
    await modeler.importXML(xml);
    modeling = modeler.get('modeling');
    registry = modeler.get('elementRegistry');
    overlays = modeler.get('overlays');
    canvas = modeler.get('canvas');
    // the whole model when it fits at a readable size, else its start; always clear of the tool palette on the left
    canvas.zoom('fit-viewport');
    const scale = Math.min(1, Math.max(canvas.zoom(), 0.55));
    const box = canvas.viewbox();
    canvas.viewbox({ x: box.inner.x - 110 / scale, y: box.inner.y - 30 / scale, width: box.outer.width / scale, height: box.outer.height / scale });
    modeler.on('selection.changed', (e) => panel(e.newSelection[0]));
    modeler.on('commandStack.changed', () => {
      changed();
      const selected = modeler.get('selection').get()[0];
      if (selected && document.activeElement && !$('properties').contains(document.activeElement)) panel(selected);
    });
    await check();
  })();
})();
