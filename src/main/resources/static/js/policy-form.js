// A form edited in the browser (form-js editor): after every change the whole set is checked with the project's rules
// (unique keys, Field_<key> ids, the fields the models read) and the problems listed; then previewed and deployed.
(function () {
  const $ = (id) => document.getElementById(id);
  const { esc, post, upload, preview, deploy } = window.policyDraft;
  const file = $('form-panel').dataset.file;
  let editor;
  let timer = null;

  const draft = () => JSON.stringify(editor.saveSchema(), null, 2);

  function mark(violations) {
    document.querySelectorAll('#form-editor .has-violation').forEach((e) => e.classList.remove('has-violation'));
    for (const v of violations) {
      const field = document.querySelector('#form-editor [data-id="Field_' + CSS.escape(v.element || '') + '"]');
      if (field) field.classList.add('has-violation');
    }
    $('form-check').innerHTML = violations.length
      ? '<div class="errors" role="alert" id="form-invalid"><p><strong>' + violations.length + ' 处违反规则，改正前不能部署：</strong></p><ul>'
        + violations.map((v) => '<li>' + (v.file !== file ? esc(v.file) + '：' : '') + esc(v.zh) + '</li>').join('') + '</ul></div>'
      : '<p class="notice" id="form-valid">表单检查通过。</p>';
  }

  async function check() {
    const { ok, answer } = await post('/api/policy/validate', upload(file, draft()));
    mark(ok ? answer.violations : [{ file, zh: answer.message }]);
  }

  $('preview-form').addEventListener('click', () => preview(file, draft(), $('form-preview'), { valid: 'form-preview-valid', changes: 'form-changes' }));
  $('deploy-form').addEventListener('click', async () => {
    const answer = await deploy(file, draft(), $('form-comment').value, $('form-deployed'));
    if (answer) $('form-deployed').innerHTML = '<p class="notice" id="form-deployed-ok">已部署为新版本，新开始的步骤即用新表单。</p>';
  });

  (async () => {
    editor = new FormEditor.FormEditor({ container: $('form-editor') });
    const schema = await (await fetch('/api/policy/files/' + encodeURIComponent(file), { credentials: 'same-origin' })).json();
    await editor.importSchema(schema);
    editor.on('changed', () => { clearTimeout(timer); timer = setTimeout(check, 600); });
    await check();
  })();
})();
