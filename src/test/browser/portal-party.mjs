// A foreign worker on a phone (360 x 740) applies online with a passport, verifies the phone with the code from the
// text message (the demo shows it on the page; the log holds only the masked number), and gets the case number and
// access code.
// A mediator restates the claims in the Tasklist (明确请求事项); the worker confirms them in 我的申请; mediation reaches
// agreement (the mediator's steps through the engine REST API, as wangfang); the worker signs the agreement with a
// fresh code, sees the signature recorded and the next step with its date. Large-type mode and the keyboard-only
// path are checked on the way; screenshots go to the screenshot directory.
// Usage: node portal-party.mjs [baseUrl] [screenshotDir] [applicationLog]
import { readFileSync } from 'node:fs';
import { base, shots, check, withBrowser, login, staffApi } from './support.mjs';

const appLog = process.argv[4] ?? '/tmp/pw/app.log';
const phone = '+447700900123';
const phoneView = { width: 360, height: 740 };

/**
 * The code the demo shows beside the form once it is sent (the demo has no text-message gateway); the log holds only
 * that a code went to the masked number, never the code or the full number.
 */
async function codeOnPage(page) {
  await page.waitForSelector('#demo-code');
  const notice = await page.locator('#demo-code').innerText();
  const code = notice.match(/(\d{6})/);
  if (!code) throw new Error('no code in the demo notice: ' + notice);
  const log = readFileSync(appLog, 'utf8');
  if (log.includes(code[1]) || log.includes(phone)) throw new Error('the log holds the code or the full phone number');
  return code[1];
}

const { auth, completeTask } = staffApi('wangfang');

await withBrowser(async browser => {
  // 1. apply on a phone, in English, with a passport
  const party = await browser.newPage({ viewport: phoneView, locale: 'en-GB' });
  await party.goto(`${base}/portal/apply?lang=en`);
  check(await party.locator('h1').innerText() === 'Apply', 'the application form is in English');
  const width = await party.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 360, `nothing is wider than a 360-px screen (${width})`);
  await party.selectOption('#f-organisation', 'yuzhong');
  await party.fill('#f-workerName', 'John SMITH');
  await party.selectOption('#f-workerIdType', 'PASSPORT');
  await party.fill('#f-workerIdNumber', 'e1234567x');
  await party.fill('#f-workerPhone', phone);
  await party.fill('#f-employerName', '重庆星光文化传媒有限公司');
  await party.fill('#f-employerCreditCode', '91500103MA5U8XYM10');
  await party.fill('#f-summary', 'I taught English at the company from March 2026. My wages for September and October were not paid.');
  await party.selectOption('#f-claimCause-0', 'PAY_ARREARS');
  await party.fill('#f-claimAmount-0', '16000');
  // a wrong code first: the form comes back with the field named and nothing stored
  await party.fill('#f-code', '000000');
  await party.click('button[type=submit]');
  await party.waitForSelector('#errors');
  check((await party.locator('#errors').innerText()).includes('code is wrong'), 'a wrong code is refused by name');
  check(await party.inputValue('#f-workerName') === 'John SMITH', 'the form keeps what was typed');

  await party.click('#send-code');
  await party.waitForSelector('#code-status.ok');
  check((await party.locator('#code-status').innerText()).includes('+44****0123'), 'the code goes to the masked phone');
  check((await party.locator('#demo-code').innerText()).includes('Demo only'), 'the demo shows the code on the page, marked as demo');
  await party.fill('#f-code', await codeOnPage(party));
  await party.screenshot({ path: `${shots}/portal-apply.png`, fullPage: true });
  await party.click('button[type=submit]');
  await party.waitForSelector('#access-code');
  const caseNumber = await party.locator('#case-number').innerText();
  const accessCode = await party.locator('#access-code').innerText();
  check(/^渝中劳调〔\d{4}〕\d+号$/.test(caseNumber) && /^[2-9A-Z]{10}$/.test(accessCode),
    `the case number and access code are shown once (${caseNumber})`);
  await party.screenshot({ path: `${shots}/portal-submitted.png`, fullPage: true });
  const pdf = await party.request.get(base + await party.locator('a.button[href*="/documents/"]').getAttribute('href'));
  check(pdf.status() === 200 && (await pdf.body()).subarray(0, 4).toString() === '%PDF', 'the 调解申请书 downloads as PDF');

  // 2. the mediator restates the claims in the Tasklist
  const tasklist = await login(browser, 'tasklist', 'wangfang', 'demo');
  await tasklist.waitForSelector('text=本组待认领');
  await tasklist.click('text=本组待认领');
  const task = tasklist.locator('ol.tasks-list li.task', { hasText: '明确请求事项' }).filter({ hasText: caseNumber }).first();
  await task.waitFor();
  await task.click();
  await tasklist.waitForSelector('text=给申请人的说明');
  await tasklist.click('.task-details button:has-text("认领"), .task-details a:has-text("认领")');
  await tasklist.waitForSelector('text=给申请人的说明');
  check((await tasklist.locator('text=/案号：/').first().innerText()).includes(caseNumber), 'the Tasklist shows the new case');
  await tasklist.getByLabel('说明').first().fill('2026年9月至10月工资');
  await tasklist.getByLabel('给申请人的说明（将显示在“我的申请”中）').fill('已按您的陈述整理为拖欠工资一项');
  await tasklist.screenshot({ path: `${shots}/tasklist-restate-claims.png`, fullPage: true });
  await tasklist.click('button:has-text("办结")');
  await tasklist.waitForSelector('text=请在列表中选择一个任务');

  // 3. the worker opens 我的申请 with the case number and code, in large type, by keyboard, and confirms the claims
  const mine = await browser.newPage({ viewport: phoneView, locale: 'en-GB' });
  await mine.goto(`${base}/portal/follow?lang=en&large=1`);
  await mine.focus('#f-caseNumber');
  await mine.keyboard.type(caseNumber);
  await mine.keyboard.press('Tab');
  await mine.keyboard.type(accessCode.toLowerCase());
  await mine.keyboard.press('Enter');
  await mine.waitForSelector('#next');
  check(await mine.evaluate(() => document.body.classList.contains('large')), 'large type stays on');
  const next = await mine.locator('#next').innerText();
  check(next.includes('Please confirm the claims below by'), `the next step asks for the confirmation with a date (${next.trim()})`);
  check((await mine.locator('#claims').innerText()).includes('16000.00'), 'the restated claims are shown');
  await mine.screenshot({ path: `${shots}/portal-confirm-claims.png`, fullPage: true });
  await mine.click('button[value=CONFIRMED]');
  await mine.waitForSelector('.done');
  check((await mine.locator('#next').innerText()).includes('must decide by'), 'after confirming, the committee\'s acceptance date is the next step');

  // 4. mediation reaches agreement (the mediator, through the engine REST API)
  await completeTask(caseNumber, 'Task_DecideMediationAcceptance', { withinScope: true, otherPartyConsents: true });
  await completeTask(caseNumber, 'Task_ScheduleMediationSession', { sessionAt: '2026-12-03T09:30:00', sessionMode: 'ONLINE',
    sessionLink: 'https://meeting.example/42', sessionParticipants: 'John SMITH, 公司代理人' });
  await completeTask(caseNumber, 'Task_RecordMediationSession', { mediationResult: 'AGREEMENT', sessionRecord: '公司同意支付' });
  await completeTask(caseNumber, 'Task_DraftMediationAgreement', { agreementItems: '公司于2026年12月20日前支付工资16000元',
    agreedAmount: 16000.0, paymentDueDate: '2026-12-20', firstPaymentAmount: 16000.0, consolidation: 'NONE' });

  // 5. the worker signs the agreement with a fresh code and sees the next step
  await mine.goto(`${base}/portal/cases/${encodeURIComponent(caseNumber)}?large=0`);
  await mine.waitForSelector('#sign');
  check((await mine.locator('#next').innerText()).includes('sign it below by'), 'the next step is to sign, with its date');
  await mine.click('#send-code');
  await mine.waitForSelector('#code-status.ok');
  await mine.fill('#f-sign-code', await codeOnPage(mine));
  await mine.screenshot({ path: `${shots}/portal-sign.png`, fullPage: true });
  await mine.click('#sign button[type=submit]');
  await mine.waitForSelector('.done');
  const signatures = await mine.locator('li[id^=signature-]').innerText();
  check(signatures.includes('John SMITH') && signatures.includes('SHA-256'), 'the signature is recorded with the document hash');
  const after = await mine.locator('#next').innerText();
  check(/by \d{1,2} [A-Z][a-z]{2} \d{4}/.test(after) && after.includes('fulfilment notice'),
    `the next step after signing has its date (${after.trim()})`);
  check((await mine.locator('#history').innerText()).includes('在线签署调解协议书'), 'the history shows the signing');
  await mine.screenshot({ path: `${shots}/portal-my-case.png`, fullPage: true });

  // the signed agreement is locked: staff cannot issue it again
  const again = await fetch(`${base}/api/cases/${encodeURIComponent(caseNumber)}/documents`, {
    method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind: 'MEDIATION_AGREEMENT' }) });
  check(again.status === 409, `the signed agreement cannot be issued again (${again.status})`);

  // the calculator on the phone
  await mine.goto(`${base}/portal/calculator?lang=zh&monthlyWage=6000&termination=COMPENSATION&employedFrom=2024-01-01&employedUntil=2024-06-30&calculate=1`);
  check((await mine.locator('#total').innerText()) === '3000.00', 'the calculator counts 5 months 29 days as half a month');
  await mine.screenshot({ path: `${shots}/portal-calculator.png`, fullPage: true });
});
