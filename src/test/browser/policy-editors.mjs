// A policy officer edits a decision table and the main process in the browser: raises the 以案定补 amount for a
// fulfilled mediation agreement in the decision-table editor, tries the draft on an input, deploys it; opens the main
// model in the modeler, renames a step (明确请求事项), sees the violation for a missing form marked on that element, fixes it,
// previews and deploys; then changes a field's label in that step's form in the form editor and deploys it.
// Usage: node policy-editors.mjs [baseUrl] [screenshotDir]   (run from src/test/browser)
import { base, shots, check, withBrowser } from './support.mjs';

await withBrowser(async browser => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  await page.goto(`${base}/policy/decisions/case-subsidy.dmn`);
  check(page.url().includes('/login'), 'the decision page asks for a login');
  await page.fill('#username', 'huangli');
  await page.fill('#password', 'demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('#decision-valid');
  check(await page.locator('#decision-editor', { hasText: '当' }).count() === 1, 'the decision-table editor speaks Chinese');

  const trial = async () => {
    await page.selectOption('#trial-form select[name=collective]', 'false');
    await page.selectOption('#trial-form select[name=caseOutcome]', 'AGREEMENT_FULFILLED');
    await page.click('#try');
    await page.waitForSelector('#trial-table');
    return page.textContent('#trial-table');
  };
  await trial();
  const today = Number((await page.locator('#trial-table tbody td').first().textContent()).trim());
  check(today > 0 && (await page.textContent('#trial-table')).includes('调解成功并履行'),
    `the trial box gives today's amount and basis for a fulfilled agreement (${today})`);
  const raised = String(today + 100);
  check(await page.locator('#trial-form select[name=caseOutcome] option', { hasText: '调解成功并履行' }).count() === 1,
    'the trial box offers outcomes in words');

  const cell = page.locator('td[data-row-id="Rule_Resolved"][data-col-id="Output_subsidy"]');
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(raised);
  await page.click('#decision-name');
  await page.waitForFunction((r) => document.querySelector('td[data-row-id="Rule_Resolved"][data-col-id="Output_subsidy"]').textContent.includes(r), raised);
  await page.evaluate(() => { document.getElementById('trial-result').innerHTML = ''; });
  check((await trial()).includes(raised), `the draft, not yet deployed, gives the raised amount (${raised})`);
  await page.screenshot({ path: `${shots}/policy-decision-trial.png`, fullPage: true });

  await page.click('#preview-decision');
  await page.waitForSelector('#decision-preview-valid');
  check(await page.locator('#decision-changes', { hasText: raised }).count() === 1, 'the preview shows the changed amount');
  await page.fill('#decision-comment', `以案定补：调解成功并履行的补贴提高到${raised}元`);
  await page.click('#deploy-decision');
  await page.waitForSelector('#decision-deployed-ok');
  check(true, 'the raised amount is deployed as a new version');

  await page.goto(`${base}/policy/models/labor-dispute-case.bpmn`);
  await page.waitForSelector('#model-valid', { timeout: 30000 });
  check(true, 'the main model opens in the modeler and passes the model check');
  await page.click('g[data-element-id="Task_RestateClaims"]');
  await page.waitForSelector('#prop-name');
  await page.fill('#prop-name', '明确并记录请求事项');
  await page.press('#prop-name', 'Tab');
  check(await page.locator('#prop-role option:checked').textContent() !== '（未设置）', 'the step shows its role in words');
  check((await page.locator('#prop-period option:checked').textContent()).includes('期限'), 'the step shows its period by name');
  const form = await page.locator('#prop-form').inputValue();
  await page.selectOption('#prop-form', '');
  await page.waitForSelector('g[data-element-id="Task_RestateClaims"].has-violation', { timeout: 20000 });
  check(await page.locator('#model-violations', { hasText: '明确并记录请求事项' }).count() >= 1,
    'the missing form is reported on the renamed step');
  await page.screenshot({ path: `${shots}/policy-model-violation.png`, fullPage: false });
  await page.click('#model-violations li:has-text("明确并记录请求事项")');
  await page.waitForSelector('#prop-form');
  await page.selectOption('#prop-form', form);
  await page.waitForSelector('#model-valid', { timeout: 20000 });
  check(await page.locator('g[data-element-id="Task_RestateClaims"].has-violation').count() === 0, 'the mark goes when the form is back');

  await page.click('#preview-model');
  await page.waitForSelector('#model-preview-valid');
  check(await page.locator('#model-changes', { hasText: '明确并记录请求事项' }).count() === 1, 'the preview shows the renamed step');
  await page.fill('#model-comment', '请求事项环节名称写明记录');
  await page.click('#deploy-model');
  await page.waitForSelector('#model-deployed-ok');
  check(true, 'the changed main model is deployed');
  await page.screenshot({ path: `${shots}/policy-model-deployed.png`, fullPage: false });

  await page.goto(`${base}/policy`);
  await page.click('#forms summary');
  await page.click('#forms a:has-text("明确请求事项")');
  await page.waitForSelector('#form-valid', { timeout: 30000 });
  check(true, 'the step\'s form opens in the form editor and passes the check');
  await page.click('#form-editor [data-id="Field_restatementNote"]');
  if (!(await page.locator('#bio-properties-panel-label').isVisible())) {
    await page.click('.fjs-properties-container .bio-properties-panel-group-header:has-text("General")');
  }
  await page.click('#bio-properties-panel-label');
  await page.evaluate(() => { document.getElementById('form-check').innerHTML = ''; });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('给申请人的说明（申请人可在“我的申请”中看到）');
  await page.click('#form-deploy h2');
  await page.waitForSelector('#form-valid', { timeout: 20000 }); // the editor reported the change and the check ran on it
  await page.click('#preview-form');
  await page.waitForSelector('#form-preview-valid');
  check(await page.locator('#form-changes', { hasText: '申请人可在' }).count() === 1, 'the preview shows the changed label');
  await page.fill('#form-comment', '说明字段的标签写清谁能看到');
  await page.click('#deploy-form');
  await page.waitForSelector('#form-deployed-ok');
  check(true, 'the changed form is deployed');
  await page.screenshot({ path: `${shots}/policy-form-editor.png`, fullPage: false });
});
