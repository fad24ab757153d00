// A mediator's day in the Camunda Tasklist, in headless Chromium: log in, open the group's tasks, claim the
// acceptance review of a demo case, fill in its Camunda Form and complete it; then check through the REST API that
// the case moved on. Screenshots go to docs/screenshots/. Usage: node tasklist-mediator.mjs [baseUrl] [screenshotDir]
import { base, shots, check, withBrowser, login } from './support.mjs';

await withBrowser(async browser => {
  const page = await login(browser, 'tasklist', 'wangfang', 'demo');
  await page.waitForSelector('text=本组待认领');
  check(await page.isVisible('text=我的待办') && await page.isVisible('text=已超期'), 'the Tasklist shows the Chinese filters');

  await page.click('text=本组待认领');
  // an acceptance review nobody has claimed yet (the board check assigned the overdue one to wangfang)
  const acceptance = page.locator('ol.tasks-list li.task', { hasText: '受理审查', hasNotText: '王芳' }).first();
  await acceptance.waitFor();
  await page.screenshot({ path: `${shots}/tasklist-group-tasks.png` });
  await acceptance.click();
  await page.waitForSelector('text=属于劳动人事争议受理范围');
  const caseLine = await page.locator('text=/案号：/').first().innerText();
  const caseNumber = caseLine.replace(/^.*案号：/, '').trim();
  check(/^渝中劳调〔\d{4}〕\d{5}号$/.test(caseNumber), `the form shows the case number (${caseNumber})`);

  check(await page.isVisible('text=办理期限') || await page.isVisible('text=认领'), 'the Tasklist speaks Chinese');
  await page.click('.task-details button:has-text("认领"), .task-details a:has-text("认领")');
  await page.waitForSelector('text=属于劳动人事争议受理范围');
  await page.getByLabel('属于劳动人事争议受理范围').check();
  await page.getByLabel('对方当事人同意调解').check();
  check(!(await page.isVisible('text=不予受理的理由')), 'the refusal reason hides once both boxes are ticked');
  await page.screenshot({ path: `${shots}/tasklist-form.png` });
  await page.click('button:has-text("办结")');
  await page.waitForTimeout(2000);

  const auth = 'Basic ' + Buffer.from('wangfang:demo').toString('base64');
  const answer = await fetch(`${base}/api/cases/${encodeURIComponent(caseNumber)}`, { headers: { Authorization: auth } });
  const record = await answer.json();
  const open = record.openTasks.map(t => t.taskKey);
  check(answer.status === 200 && record.stage === 'MEDIATION', 'the case is in mediation');
  check(open.includes('Task_ScheduleMediationSession') && !open.includes('Task_DecideMediationAcceptance'),
    'completing the form moved the case to 安排调解会谈');
  const done = record.completedTasks.find(t => t.taskKey === 'Task_DecideMediationAcceptance');
  check(done && done.assignee === 'wangfang', 'the completed task is recorded with its assignee');
});
