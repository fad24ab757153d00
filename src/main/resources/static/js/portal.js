// The portal's small helpers; every page works without script, these only save taps and show things sooner.
const english = document.documentElement.lang === 'en';

// Sends a one-time code (the button's data-purpose) and says where it went (the button's data-status, or code-status).
document.querySelectorAll('#send-code, .send-code').forEach(button => {
  const status = document.getElementById(button.dataset.status || 'code-status');
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
      status.textContent = (english ? answer.messageEn : answer.message) || answer.message || '';
      status.className = 'status ' + (response.ok ? 'ok' : 'bad');
      const demoId = status.id === 'code-status' ? 'demo-code' : status.id + '-demo';
      let demo = document.getElementById(demoId);
      if (answer.demoNotice) { // the demo only: there is no text-message gateway, so the code is shown here
        if (!demo) {
          demo = document.createElement('p');
          demo.id = demoId;
          demo.className = 'status demo';
          status.after(demo);
        }
        demo.textContent = answer.demoNotice;
      }
    } catch (e) {
      status.textContent = english ? 'Network error, please try again.' : '网络错误，请重试。';
      status.className = 'status bad';
    } finally {
      setTimeout(() => { button.disabled = false; }, 30000);
    }
  });
});

// The application: one claim at a time, causes that fit the applicant, the fields the procedure needs, the office from
// the employer's address and the time limit while typing (the server's own check, /portal/apply/check).
(function () {
  const form = document.querySelector('form[action="/portal/apply"]');
  if (!form) return;
  const kind = document.getElementById('f-disputeKind');
  const fitCauses = select => {
    const wanted = kind && kind.checked ? 'PERSONNEL' : 'LABOUR';
    for (const group of select.querySelectorAll('optgroup')) {
      const fits = group.dataset.kind === wanted;
      group.hidden = !fits;
      group.disabled = !fits;
    }
    if (select.selectedOptions[0]?.parentElement.disabled) select.value = '';
  };
  kind?.addEventListener('change', () => form.querySelectorAll('select.cause').forEach(fitCauses));

  const add = document.getElementById('add-claim');
  const template = document.getElementById('claim-template');
  add.hidden = false;
  add.addEventListener('click', () => {
    const index = form.querySelectorAll('.claim').length;
    const html = template.innerHTML.replaceAll('999', String(index));
    add.insertAdjacentHTML('beforebegin', html);
    const claim = document.getElementById('claim-' + index);
    claim.querySelector('.claim-no').textContent = String(index + 1);
    const select = claim.querySelector('select.cause');
    fitCauses(select);
    select.addEventListener('change', check);
    select.focus();
  });

  const showFor = () => {
    const procedure = form.querySelector('input[name="procedure"]:checked')?.value;
    form.querySelectorAll('[data-procedure]').forEach(e => {
      if (!e.querySelector('input')?.value) e.hidden = e.dataset.procedure !== procedure;
    });
  };
  form.querySelectorAll('input[name="procedure"]').forEach(r => r.addEventListener('change', showFor));

  const employed = document.getElementById('f-stillEmployed');
  const endedOn = document.getElementById('ended-on');
  employed.addEventListener('change', () => { endedOn.hidden = employed.checked; });

  const office = document.getElementById('f-organisation');
  const officeStatus = document.getElementById('office-status');
  const limitation = document.getElementById('limitation-status');
  let chosenByAddress = !office.value;
  office.addEventListener('change', () => { chosenByAddress = false; });
  let timer;
  async function ask() {
    const q = new URLSearchParams();
    for (const name of ['employerAddress', 'knewOn', 'employmentEndedOn', 'limitationReason']) {
      q.set(name, form.elements[name].value);
    }
    q.set('stillEmployed', employed.checked);
    form.querySelectorAll('select.cause').forEach(s => { if (s.value) q.append('claimCause', s.value); });
    const response = await fetch('/portal/apply/check?' + q, { headers: { Accept: 'application/json' } });
    if (!response.ok) return; // a date still being typed: the form names it on submitting
    const answer = await response.json();
    if (answer.office) {
      officeStatus.textContent = answer.office.text;
      if (chosenByAddress || !office.value) {
        office.value = answer.office.code;
        chosenByAddress = true;
      }
    }
    limitation.hidden = !answer.limitation;
    if (answer.limitation) {
      limitation.textContent = answer.limitation.text;
      limitation.classList.toggle('warn', answer.limitation.passed);
    }
    const reason = document.getElementById('limitation-reason');
    if (answer.limitation?.passed) reason.hidden = false;
  }
  function check() {
    clearTimeout(timer);
    timer = setTimeout(() => ask().catch(() => {}), 250);
  }
  for (const name of ['employerAddress', 'knewOn', 'employmentEndedOn', 'limitationReason', 'stillEmployed']) {
    form.elements[name].addEventListener('input', check);
    form.elements[name].addEventListener('change', check);
  }
  form.querySelectorAll('select.cause').forEach(s => s.addEventListener('change', check));
})();

// 我该怎么办？: one question after another, and the advice in view once it is there.
(function () {
  const form = document.getElementById('guide-form');
  if (!form) return;
  const advice = document.getElementById('advice');
  const step = (id, show) => { document.getElementById(id).hidden = !show; };
  const update = () => {
    const happened = form.querySelector('input[name="happened"]:checked');
    const employed = form.querySelector('input[name="stillEmployed"]:checked');
    step('q-employed', !!happened);
    step('q-when', !!employed);
    step('q-where', !!employed);
    step('guide-submit', !!employed);
    step('ended-on', employed?.value === 'no');
  };
  form.addEventListener('change', update);
  if (!advice) update();
  else { advice.scrollIntoView(); advice.focus({ preventScroll: true }); }
})();

// The calculator's result in view after calculating.
(function () {
  const result = document.getElementById('result');
  if (!result) return;
  result.scrollIntoView();
  result.focus({ preventScroll: true });
})();
