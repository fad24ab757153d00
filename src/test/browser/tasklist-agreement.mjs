// A mediator records an agreement in the Tasklist: the mediation session form (radio, text), the agreement form
// (text, amount, a date picker, a required checkbox), then the fulfilment notice (select). The agreed payment date
// typed into the date picker must come back as the due date of the fulfilment check.
// Usage: node tasklist-agreement.mjs [baseUrl] [screenshotDir]
import { base, shots, check, withBrowser, login } from './support.mjs';

async function openGroupTask(page, name, marker) {
  await page.click('text=我的待办');
  await page.click('text=本组待认领');
  const task = page.locator('ol.tasks-list li.task', { hasText: name }).first();
  await task.waitFor();
  await task.click();
  await page.waitForSelector(`text=${marker}`);
  await page.click('.task-details button:has-text("认领"), .task-details a:has-text("认领")');
  await page.waitForSelector(`text=${marker}`);
}

await withBrowser(async browser => {
  const page = await login(browser, 'tasklist', 'wangfang', 'demo');
  await page.waitForSelector('text=本组待认领');

  await openGroupTask(page, '组织调解并记录', '调解笔录摘要');
  const caseNumber = (await page.locator('text=/案号：/').first().innerText()).replace(/^.*案号：/, '').trim();
  await page.getByLabel('调解笔录摘要（时间、地点或视频链接、参加人、经过）').fill('双方同意由单位支付加班费8600元');
  await page.getByLabel('达成调解协议').check();
  await page.click('button:has-text("办结")');
  await page.waitForSelector('text=请在列表中选择一个任务');

  await openGroupTask(page, '制作并签署调解协议书', '协议内容');
  await page.getByLabel('协议内容（金额、履行日期、其他义务）').fill('单位于2026年12月15日前支付加班费8600元');
  await page.getByLabel('协议金额').fill('8600');
  const date = page.locator('.fjs-form-field-datetime input').first();
  await date.fill('2026-12-15');
  await date.press('Enter');
  await page.getByLabel('双方已签字（盖章），调解员已签名并加盖调解组织印章').check();
  await page.screenshot({ path: `${shots}/tasklist-agreement.png` });
  await page.click('button:has-text("办结")');
  await page.waitForSelector('text=请在列表中选择一个任务');

  await openGroupTask(page, '评估履约能力并送达履行告知书', '履约能力评估');
  await page.getByLabel('履约能力评估').selectOption({ label: '能够按期履行' }).catch(async () => {
    await page.click('.fjs-form-field-select');
    await page.click('text=能够按期履行');
  });
  await page.getByLabel('双方是否共同申请确认').selectOption({ label: '不申请' }).catch(async () => {
    await page.locator('.fjs-form-field-select').nth(1).click();
    await page.click('text=不申请');
  });
  await page.getByLabel('履行告知书送达情况').fill('当面送达双方');
  await page.click('button:has-text("办结")');
  await page.waitForSelector('text=请在列表中选择一个任务');

  const auth = 'Basic ' + Buffer.from('wangfang:demo').toString('base64');
  const record = await (await fetch(`${base}/api/cases/${encodeURIComponent(caseNumber)}`,
    { headers: { Authorization: auth } })).json();
  check(record.stage === 'FULFILMENT', `the case moved to fulfilment (${record.stage})`);
  const fulfilmentCheck = record.openTasks.find(t => t.taskKey === 'Task_CheckFulfilment');
  check(fulfilmentCheck && fulfilmentCheck.due.startsWith('2026-12-15'),
    `the fulfilment check is due on the agreed payment date (${fulfilmentCheck && fulfilmentCheck.due})`);
});
