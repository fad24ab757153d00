// An arbitrator makes an award in the Tasklist, item by item (one row per item: case cause, amount, national
// standards; the next row appears once a row has its cause), after the supervisor approved the extension on the board
// (supervision-board.mjs runs first). The system decides each item's finality and the court liaison's next task says
// which items are final.
// Usage: node tasklist-award.mjs [baseUrl] [screenshotDir]
import { base, shots, check, withBrowser, login, staffApi } from './support.mjs';

async function pickDate(page, label, value) {
  const input = page.getByLabel(label).first();
  await input.fill(value);
  await input.press('Enter');
}

async function chooseCause(page, row, cause) {
  await row.locator('.fjs-form-field-select').first().click();
  await page.locator('.fjs-dropdownlist-item', { hasText: cause }).first().click();
}

await withBrowser(async browser => {
  // 立案审查 asks for the scope and the limitation; accepting a time-barred application is refused in the form
  const reviewPage = await login(browser, 'tasklist', 'zhaomin', 'demo', { width: 1400, height: 1100 });
  await reviewPage.waitForSelector('text=本组待认领');
  await reviewPage.click('text=本组待认领');
  const review = reviewPage.locator('ol.tasks-list li.task', { hasText: '立案审查' }).first();
  await review.waitFor();
  await review.click();
  await reviewPage.waitForSelector('text=受理范围与仲裁时效');
  await reviewPage.click('.task-details button:has-text("认领"), .task-details a:has-text("认领")');
  await reviewPage.waitForSelector('text=申请人知道或应当知道权利被侵害之日');
  await pickDate(reviewPage, '申请人知道或应当知道权利被侵害之日', '2024-01-10');
  await reviewPage.getByLabel('受理', { exact: true }).check();
  await reviewPage.screenshot({ path: `${shots}/tasklist-arbitration-acceptance.png`, fullPage: true });
  await reviewPage.click('button:has-text("办结")');
  await reviewPage.waitForSelector('text=/一年的仲裁时效/');
  const refusal = await reviewPage.locator('.page-notifications').innerText();
  check(!/acceptanceDecision|[0-9a-f]{8}-[0-9a-f]{4}-/.test(refusal),
    'accepting a time-barred application is refused in one Chinese sentence, without a field key or the task\'s id');
  await reviewPage.screenshot({ path: `${shots}/tasklist-arbitration-time-barred.png`, fullPage: true });
  await reviewPage.close();

  const page = await login(browser, 'tasklist', 'zhaomin', 'demo', { width: 1400, height: 1100 });
  await page.waitForSelector('text=本组待认领');
  await page.click('text=本组待认领');

  const task = page.locator('ol.tasks-list li.task', { hasText: '作出并送达仲裁裁决' }).first();
  await task.waitFor();
  await task.click();
  await page.waitForSelector('text=裁决事项');
  const caseNumber = (await page.locator('text=/案号：/').first().innerText()).replace(/^.*案号：/, '').trim();
  await page.click('.task-details button:has-text("认领"), .task-details a:has-text("认领")');
  await page.waitForSelector('text=裁决事项');

  await page.getByLabel('裁决主文').fill('一、被申请人支付申请人停工留薪期工资15600元；二、被申请人支付违法解除劳动合同赔偿金42000元。');
  await page.getByLabel('裁决金额合计').fill('57600');
  const group = (n) => page.locator(`.fjs-form-field-group:has-text("第${n}项")`).first();
  check(await group(2).count() === 0, 'the second item row appears only once the first has a cause');
  await chooseCause(page, group(1), '停工留薪期工资');
  await group(1).getByLabel('裁决金额', { exact: true }).fill('15600');
  await group(2).waitFor();
  await chooseCause(page, group(2), '违法解除劳动合同赔偿金');
  await group(2).getByLabel('裁决金额', { exact: true }).fill('42000');
  await pickDate(page, '裁决日期', '2026-11-30');
  const served = page.getByLabel('裁决书送达日期').first();
  await served.fill('2026-11-30');
  await served.press('Tab');
  await page.screenshot({ path: `${shots}/tasklist-award.png`, fullPage: true });
  await page.click('button:has-text("办结")');
  await page.waitForSelector('text=请在列表中选择一个任务');

  // the court liaison's task now says which items are final
  const liaison = await login(browser, 'tasklist', 'sunhao', 'demo', { width: 1400, height: 1000 });
  await liaison.waitForSelector('text=本组待认领');
  await liaison.click('text=本组待认领');
  const response = liaison.locator('ol.tasks-list li.task', { hasText: '登记当事人是否起诉' }).first();
  await response.waitFor();
  await response.click();
  await liaison.waitForSelector('text=裁决事项是否终局');
  const text = await liaison.locator('.task-details').innerText();
  check(text.includes(caseNumber), `the response task is the same case (${caseNumber})`);
  check(text.includes('停工留薪期工资 15,600.00 元：终局裁决'), 'the item within 12 x the minimum wage is final');
  check(text.includes('违法解除劳动合同赔偿金 42,000.00 元：非终局裁决'), 'the item above it is not final');
  await liaison.screenshot({ path: `${shots}/tasklist-award-response.png`, fullPage: true });

  // the award document (仲裁裁决书) was issued by the step, stating which items are final
  await liaison.goto(`${base}/cases/${encodeURIComponent(caseNumber)}/documents`);
  await liaison.locator('a:has-text("仲裁裁决书")').first().waitFor();
  await liaison.locator('a:has-text("仲裁裁决书")').first().click();
  const preview = liaison.frameLocator('#preview');
  await preview.locator('h1').waitFor();
  const html = await preview.locator('body').innerText();
  check(html.includes('仲裁裁决书') && html.includes('非终局') && html.includes('第四十九条') && html.includes('违法解除劳动合同赔偿金'),
    'the step issued the 仲裁裁决书 with the items, which of them are final, and the set-aside window');
  await liaison.screenshot({ path: `${shots}/document-award.png`, fullPage: true });

  // nobody goes to court: the award takes effect, is not paid, and the worker applies for enforcement
  const liaisonApi = staffApi('sunhao');
  const completeTask = (key, values) => liaisonApi.completeTask(caseNumber, key, values);
  await completeTask('Task_RecordAwardResponse', { partySued: false });
  await completeTask('Task_RecordPerformancePeriod', { effectiveDocument: 'ARBITRATION_AWARD',
    effectiveDocumentNumber: '渝中劳人仲案字〔2026〕第8号', performanceAmount: 57600, performanceDueOn: '2026-12-15' });
  await completeTask('Task_CheckPerformance', { performedFully: false, performedAmount: 0, performanceNote: '用人单位未支付' });
  await completeTask('Task_ApplyEnforcement', { enforcementCourt: '重庆市渝中区人民法院', enforcementAppliedOn: '2026-12-20',
    enforcementAmount: 57600, enforcementNote: '被执行人在大坪有在建工程' });
  await liaison.goto(`${base}/cases/${encodeURIComponent(caseNumber)}/documents`);
  await liaison.locator('a:has-text("强制执行申请书")').first().click();
  await preview.locator('h1', { hasText: '强制执行申请书' }).waitFor();
  const application = await preview.locator('body').innerText();
  check(application.includes('渝中劳人仲案字〔2026〕第8号仲裁裁决书') && application.includes('57,600.00')
    && application.includes('第二百五十条'), 'the enforcement step drafts the 强制执行申请书 from the award');
  await liaison.screenshot({ path: `${shots}/document-enforcement.png`, fullPage: true });
});
