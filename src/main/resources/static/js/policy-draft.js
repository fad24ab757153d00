// What the in-page editors (decision tables, process models, forms) share: posting to /api/policy with the session's
// CSRF token, a draft file as an upload, and the preview and deployment of one edited file through the same path as
// an uploaded file (validated against the whole set, reason required, versioned, audited).
window.policyDraft = (function () {
  const csrf = document.getElementById('csrf').value;
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

  async function post(url, body) {
    const json = !(body instanceof FormData);
    const response = await fetch(url, {
      method: 'POST', credentials: 'same-origin', body: json ? JSON.stringify(body) : body,
      headers: Object.assign({ 'X-CSRF-Token': csrf }, json ? { 'Content-Type': 'application/json' } : {}),
    });
    const answer = await response.json().catch(() => ({ message: '服务器没有给出答复（' + response.status + '）' }));
    return { ok: response.ok, answer };
  }

  function upload(file, text, comment) {
    const data = new FormData();
    data.append('files', new Blob([text], { type: file.endsWith('.form') ? 'application/json' : 'application/xml' }), file);
    if (comment !== undefined) data.append('comment', comment);
    return data;
  }

  function violations(list, describe) {
    return '<ul>' + list.map((v) => '<li>' + esc(describe ? describe(v) : v.zh) + '</li>').join('') + '</ul>';
  }

  /** Previews the draft into target: the check of the whole set, then what changes in this file. */
  async function preview(file, text, target, ids, describe) {
    const { ok, answer } = await post('/api/policy/preview', upload(file, text));
    if (!ok) { target.innerHTML = '<div class="errors" role="alert"><p>' + esc(answer.message) + '</p></div>'; return null; }
    const report = answer.report;
    const changes = answer.changes.filter((c) => c.file === file);
    target.innerHTML = (report.violations.length
      ? '<div class="errors" role="alert"><p><strong>' + report.violations.length + ' 处违反规则，不能部署：</strong></p>' + violations(report.violations, describe) + '</div>'
      : '<p class="notice" id="' + ids.valid + '">校验通过，可以部署。</p>')
      + (changes.length ? '<h3>这次修改</h3><ul id="' + ids.changes + '">' + changes.map((c) => '<li>' + esc(describe ? describe({ element: c.element, zh: c.what }) : c.what)
        + (c.before != null ? '：由“' + esc(c.before) + '”' : '') + (c.after != null ? (c.before != null ? '改为“' : '：“') + esc(c.after) + '”' : '') + '</li>').join('') + '</ul>'
        : '<p class="muted" id="' + ids.changes + '">与现行版本相同，没有修改。</p>');
    return answer;
  }

  /** Deploys the draft; on refusal, the reasons into target; on success, the answer. */
  async function deploy(file, text, comment, target, describe) {
    const { ok, answer } = await post('/api/policy/deployments', upload(file, text, comment));
    if (!ok) {
      target.innerHTML = '<div class="errors" role="alert"><p>' + esc(answer.message) + '</p>'
        + (answer.errors || []).filter((e) => e.field !== 'files').map((e) => '<p>' + esc(e.message) + '</p>').join('')
        + (answer.violations && answer.violations.length ? violations(answer.violations, describe) : '') + '</div>';
      return null;
    }
    return answer;
  }

  return { esc, post, upload, preview, deploy };
}());
