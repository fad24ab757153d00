// Sends a one-time code (the button's data-purpose) and says where it went; the rest of the portal works without script.
(function () {
  const button = document.getElementById('send-code');
  if (!button) return;
  const status = document.getElementById('code-status');
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  button.addEventListener('click', async () => {
    const purpose = button.dataset.purpose;
    const body = new URLSearchParams({ purpose, _csrf: csrf });
    if (purpose === 'SIGN') {
      body.set('caseNumber', button.dataset.case);
    } else {
      const phoneField = button.dataset.phoneField
        || (document.querySelector('input[name="applicantRole"]:checked')?.value === 'EMPLOYER' ? 'f-employerPhone' : 'f-workerPhone');
      body.set('phone', document.getElementById(phoneField).value);
    }
    button.disabled = true;
    try {
      const response = await fetch('/portal/codes', { method: 'POST', body, headers: { 'X-CSRF-Token': csrf } });
      const answer = await response.json().catch(() => ({ message: response.statusText }));
      status.textContent = answer.message || '';
      status.className = 'status ' + (response.ok ? 'ok' : 'bad');
      let demo = document.getElementById('demo-code');
      if (answer.demoNotice) { // the demo only: there is no text-message gateway, so the code is shown here
        if (!demo) {
          demo = document.createElement('p');
          demo.id = 'demo-code';
          demo.className = 'status demo';
          status.after(demo);
        }
        demo.textContent = answer.demoNotice;
      }
    } catch (e) {
      status.textContent = '网络错误，请重试 / network error, try again';
      status.className = 'status bad';
    } finally {
      setTimeout(() => { button.disabled = false; }, 30000);
    }
  });
})();
