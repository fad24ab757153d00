// Trust, part two, as people meet it: a mediator who opens a step a colleague has just claimed is told who holds it,
// in the Tasklist, in words; the colleague who holds it sees the case's parties masked and asks for the numbers in
// full; the supervisor reads who did. Usage: node trust-personal-data.mjs [baseUrl] [screenshotDir]
import { base, shots, check, withBrowser, login, staffApi } from './support.mjs';

await withBrowser(async browser => {
  // a fresh application at the window, so the step is unclaimed whatever the other checks did
  const wang = staffApi('wangfang');
  const opened = await fetch(`${base}/api/cases`, {
    method: 'POST',
    headers: { Authorization: wang.auth, 'Content-Type': 'application/json', 'Idempotency-Key': 'browser-check-trust' },
    body: JSON.stringify({
      organisation: 'yuzhong', requestedProcedure: 'MEDIATION', summary: '2026年9月起拖欠工资，多次催要无果。',
      workers: [{ name: '彭小川', idType: 'RESIDENT_ID', idNumber: '500103199001011232', phone: '13912345678', migrantWorker: true }],
      employer: { name: '重庆川渝建材有限公司', creditCode: '91500103MA5U8XYM10' },
      claims: [{ causeCode: 'PAY_ARREARS', description: '拖欠工资', amount: 18600 }],
    }),
  });
  const { caseNumber } = await opened.json();
  check(opened.status === 201 || opened.status === 200, `the window opened case ${caseNumber}`);
  const [task] = await wang.engine(`/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}&taskDefinitionKey=Task_DecideMediationAcceptance`);

  // zhanglei opens the step in the Tasklist; wangfang claims it first; zhanglei's claim is answered in words
  const tasklist = await login(browser, 'tasklist', 'zhanglei', 'demo');
  await tasklist.goto(`${base}/camunda/app/tasklist/default/#/?task=${task.id}`);
  await tasklist.waitForSelector('.task-details button:has-text("认领"), .task-details a:has-text("认领")');
  if (!task.assignee) await wang.engine(`/task/${task.id}/claim`, { userId: 'wangfang' });
  await tasklist.click('.task-details button:has-text("认领"), .task-details a:has-text("认领")');
  const notice = tasklist.locator('text=/已由 王芳 认领/').first();
  await notice.waitFor({ timeout: 15000 });
  check(await notice.isVisible(), 'the Tasklist says the step is already claimed by 王芳 (not an engine error)');
  await tasklist.screenshot({ path: `${shots}/tasklist-claim-conflict.png` });

  // wangfang holds a step of the case: she sees the numbers masked, and in full when she asks
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  await page.goto(`${base}/supervision/cases/${encodeURIComponent(caseNumber)}`);
  await page.fill('#username', 'wangfang');
  await page.fill('#password', 'demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('#parties');
  const masked = await page.textContent('#parties');
  check(masked.includes('5001**********1232') && masked.includes('139****5678') && !masked.includes('13912345678'),
    'the case page masks the identity and phone numbers');
  await page.click('#personal-data-note a');
  await page.waitForSelector('text=本次查看已记入个人信息查阅记录');
  const full = await page.textContent('#parties');
  check(full.includes('500103199001011232') && full.includes('13912345678'), 'the handler reads them in full when she asks');

  // the supervisor reads who saw them
  const supervisor = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  await supervisor.goto(`${base}/supervision/personal-data-access`);
  await supervisor.fill('#username', 'liuyang');
  await supervisor.fill('#password', 'demo');
  await supervisor.click('button[type=submit]');
  await supervisor.waitForSelector('#readings');
  const log = await supervisor.textContent('#readings');
  check(log.includes('王芳') && log.includes(caseNumber) && log.includes('证件号码') && !log.includes('wangfang'),
    'the supervisor reads who saw which case\'s numbers, by name');
  await supervisor.screenshot({ path: `${shots}/personal-data-access.png` });
});
