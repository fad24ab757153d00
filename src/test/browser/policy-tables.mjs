// A policy officer changes tables in the page: 回访期限 from 30 to 20 days in the periods grid (a typo is named on
// its cell first), the preview says what it does to running and new cases, deployed with a reason, and a period
// counted from a closing date now ends ten days earlier; then 2027's New Year's Day is marked in the holiday calendar's
// year view and a deadline across it moves by a working day.
// Usage: node policy-tables.mjs [baseUrl] [screenshotDir]   (run from src/test/browser)
import { base, shots, check, withBrowser } from './support.mjs';

await withBrowser(async browser => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  await page.goto(`${base}/policy/tables/statutory-periods.csv`);
  check(page.url().includes('/login'), 'the table page asks for a login');
  await page.fill('#username', 'huangli');
  await page.fill('#password', 'demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('#grid tbody tr');
  const due = async (period, from) => page.evaluate(async ([p, f]) =>
    (await (await fetch(`/api/deadlines?period=${p}&from=${f}`)).json()).due, [period, from]);
  check(await due('FOLLOW_UP_VISIT', '2026-12-01') === '2026-12-31', 'before the change a return visit is due 30 days after closing');

  const headers = await page.locator('#grid thead th').allTextContents();
  check(headers.join('|').includes('名称') && headers.join('|').includes('单位') && headers.join('|').includes('法律依据'),
    'the grid has Chinese column names');
  const row = page.locator('#grid tbody tr', { has: page.locator('input[value="FOLLOW_UP_VISIT"]') });
  check(await row.count() === 1, 'the return visit period is a row of the grid');
  check(await row.locator('select[data-key="unit"]').inputValue() === '日', 'its unit reads 日, not a code');
  const length = row.locator('input[data-key="length"]');
  await length.fill('三十');
  await page.waitForSelector('#grid-invalid');
  check(await page.locator('#grid-invalid', { hasText: '长度' }).count() === 1, 'a typo is named in Chinese with its column');
  check(await length.getAttribute('aria-invalid') === 'true', 'the cell with the typo is marked');
  await length.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `${shots}/policy-table-typo.png`, fullPage: false });
  await length.fill('20');
  await page.waitForFunction(() => !document.querySelector('#grid-invalid'));
  check(await length.getAttribute('aria-invalid') === null, 'the mark goes when the cell is right');

  await page.click('#preview-table');
  await page.waitForSelector('#table-changes');
  check(await page.locator('#table-changes', { hasText: '结案回访期限' }).count() === 1, 'the preview names the change in words');
  check(await page.locator('#table-effects', { hasText: '回访当事人' }).count() === 1,
    'the preview says what happens to cases at the return visit and to new ones');
  const preview = await page.textContent('#preview-result');
  check(!/FOLLOW_UP_VISIT|DAYS|undefined/.test(preview), 'the preview shows no codes');
  await page.screenshot({ path: `${shots}/policy-table-preview.png`, fullPage: true });
  await page.fill('#table-comment', '回访提前到结案后20日内');
  await page.click('#deploy-table');
  await page.waitForSelector('#table-deployed');
  check(await page.locator('#table-versions', { hasText: '回访提前到结案后20日内' }).count() === 1, 'the new version is listed with its reason');
  check(await due('FOLLOW_UP_VISIT', '2026-12-01') === '2026-12-21', 'a return visit is now due 20 days after closing');

  await page.goto(`${base}/policy/tables/holidays-cn.csv`);
  await page.waitForSelector('#year-view .month');
  check(await due('MEDIATION_ACCEPTANCE', '2026-12-30') === '2027-01-04', 'before 2027 is entered, 1 January counts as a working day');
  await page.fill('#new-year', '2027');
  await page.click('#add-year');
  await page.click('#year-view button[data-date="2027-01-01"]');
  await page.waitForSelector('#year-view button.rest[data-date="2027-01-01"]');
  const added = page.locator('#grid tbody tr:not([hidden])', { has: page.locator('input[value="2027-01-01"]') });
  await added.locator('input[data-key="name"]').fill('元旦');
  await page.screenshot({ path: `${shots}/policy-holidays-year.png`, fullPage: false });
  await page.click('#preview-table');
  await page.waitForSelector('#table-changes');
  check(await page.locator('#table-changes', { hasText: '2027年1月1日' }).count() === 1, 'the preview names the new holiday by its date in words');
  await page.fill('#table-comment', '国务院办公厅2027年节假日安排：元旦');
  await page.click('#deploy-table');
  await page.waitForSelector('#table-deployed');
  check(await due('MEDIATION_ACCEPTANCE', '2026-12-30') === '2027-01-05', 'a deadline across the new holiday moves by a working day');
  check(await page.locator('script[src="/js/policy-table.js"]').count() === 1, 'the page renders to its end');
});
