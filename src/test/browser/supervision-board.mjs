// A supervisor logs in to the application's own pages and sees the overdue board: the demo case received a week
// ago is overdue for its acceptance decision, with the statutory period, and an escalation waits; the supervisor
// gives the task to another mediator with a note, then opens the statistics.
// Usage: node supervision-board.mjs [baseUrl] [screenshotDir]
import { base, shots, check, withBrowser } from './support.mjs';

await withBrowser(async browser => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  await page.goto(`${base}/supervision`);
  check(page.url().includes('/login'), 'the board asks for a login');
  await page.fill('#username', 'liuyang');
  await page.fill('#password', 'demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('#count-overdue');
  // the deadline monitor sweeps every 30 s: wait for it to have seen the demo case
  for (let i = 0; i < 20 && (await page.textContent('#count-overdue')).trim() === '0'; i++) {
    await page.waitForTimeout(5000);
    await page.reload();
  }
  const overdue = Number((await page.textContent('#count-overdue')).trim());
  check(overdue >= 1, `the board counts overdue work (${overdue})`);
  const rows = await page.locator('#urgent tbody tr').count();
  check(rows >= overdue, 'every overdue deadline is listed');
  check(await page.locator('#urgent', { hasText: '调解受理审查期限' }).count() === 1, 'the list names the statutory period in Chinese');
  check(await page.locator('#urgent', { hasText: 'MEDIATION_ACCEPTANCE' }).count() === 0, 'the list shows no period code');
  check(Number((await page.textContent('#count-escalations')).trim()) >= 1, 'an escalation waits for the supervisor');
  await page.screenshot({ path: `${shots}/supervision-board.png`, fullPage: true });

  // open the case: its record, deadlines, timeline, and the diagrams with the current position marked
  await page.locator('#urgent tbody tr a[href^="/supervision/cases/"]').first().click();
  await page.waitForSelector('.diagram.drawn');
  check(await page.locator('.diagram .current').count() >= 2, 'the case view marks where the case stands in the main process and the stage');
  check(await page.locator('#timeline tr').count() >= 2, 'the case view shows the timeline');
  check(await page.locator('#deadlines', { hasText: '已超期' }).count() === 1, 'the case view shows the overdue deadline');
  await page.screenshot({ path: `${shots}/case-view.png`, fullPage: true });
  await page.goBack();
  await page.waitForSelector('#urgent');

  // act on it: give the overdue task to another mediator of the organisation, with a note
  await page.locator('#urgent tbody tr input[name=taskId]').first().check();
  await page.selectOption('#assignee', 'wangfang');
  await page.fill('#note', '请今日办结');
  await page.click('button:has-text("处理所选任务")');
  await page.waitForSelector('.notice');
  check((await page.textContent('.notice')).includes('已处理 1 个任务'), 'the supervisor reassigned the task from the board');
  check(await page.locator('#urgent tbody tr', { hasText: '王芳' }).count() >= 1, 'the board shows the new assignee by name');

  // what needs the supervisor now: unclaimed work and the major risk, each count a link to the list behind it
  const unclaimed = Number((await page.textContent('#count-unclaimed')).trim());
  check(unclaimed >= 2, `the board counts the unclaimed work (${unclaimed})`);
  check(await page.locator('#risk-list tbody tr', { hasText: '重大' }).count() >= 1,
    'the board shows the major risk waiting for a response');
  await page.click('a.card[href="#unclaimed"]');
  check(page.url().endsWith('#unclaimed'), 'the unclaimed count opens its list');
  // fulfilment steps (the Tasklist checks after this one need the demo's unclaimed acceptance and scheduling steps)
  const mediation = page.locator('#unclaimed-list tbody tr:has(input[name=taskId])',
    { hasText: /核查本期履行情况|评估履约能力|提交仲裁审查申请/ });
  check(await mediation.count() >= 2, 'two unclaimed mediators\' tasks are listed');
  const chosen = [await mediation.nth(0).locator('td.case').innerText(), await mediation.nth(1).locator('td.case').innerText()];
  await mediation.nth(0).locator('input[name=taskId]').check();
  await mediation.nth(1).locator('input[name=taskId]').check();
  const zhanglei = await page.locator('#assignee option', { hasText: '张磊' }).getAttribute('value');
  check(!!zhanglei && (await page.locator('#assignee option', { hasText: '张磊' }).innerText()).includes('在办'),
    'the supervisor picks a mediator by name and sees the load');
  await page.selectOption('#assignee', zhanglei);
  await page.fill('#note', '王芳本周外出，由张磊接手');
  await page.screenshot({ path: `${shots}/supervision-unclaimed.png`, fullPage: true });
  await page.click('button:has-text("处理所选任务")');
  await page.waitForSelector('.notice');
  check((await page.textContent('.notice')).includes('已处理 2 个任务'), `two unclaimed tasks went to 张磊 (${chosen.join('、')})`);
  check(Number((await page.textContent('#count-unclaimed')).trim()) === unclaimed - 2, 'the unclaimed count went down by two');
  check(await page.locator('#handler-load tbody tr', { hasText: '张磊' }).count() === 1, '张磊 now shows his load');

  // 仲裁延期: the demo arbitrator's request waits for the director; approve ten days through the process
  check(await page.locator('#extensions tbody tr', { hasText: '劳动能力鉴定' }).count() === 1,
    'the board lists the award-extension request with its reason');
  const request = page.locator('#extensions tbody tr', { hasText: '劳动能力鉴定' });
  await request.locator('input[name=approved][value=true]').check();
  await request.locator('input[name=days]').fill('10');
  await request.locator('button[type=submit]').click();
  await page.waitForSelector('.notice');
  check((await page.textContent('.notice')).includes('已批准延长审理期限'), 'the supervisor approved the extension from the board');
  check(await page.locator('#extensions tbody tr', { hasText: '劳动能力鉴定' }).count() === 0, 'the request is decided');

  // the statistics: the received count the page shows equals the API's, the charts are drawn, a figure exports
  await page.click('#to-statistics');
  await page.waitForSelector('#chart-months.drawn');
  const shown = Number((await page.textContent('#stat-opened')).trim());
  const api = await (await page.request.get(`${base}/api/statistics`)).json();
  check(shown === api.totals.opened && shown >= 1, `the statistics page shows the cases received (${shown})`);
  check(await page.locator('#chart-causes.drawn svg').count() === 1 && await page.locator('#chart-funnel.drawn').count() === 1,
    'the trend, stage, cause and funnel charts are drawn');
  const csv = await page.request.get(`${base}${await page.locator('#figure-months a:has-text("CSV")').getAttribute('href')}`);
  check(csv.status() === 200 && (await csv.text()).includes('月份,收案,结案'), 'a figure exports as CSV');
  await page.screenshot({ path: `${shots}/statistics.png`, fullPage: true });

  // the risk ledger: the demo's major risk (a collective petition feared) waits for the first response
  await page.goto(`${base}/supervision/risks`);
  await page.waitForSelector('#risks');
  check(Number((await page.textContent('#count-major')).trim()) >= 1, 'the risk ledger counts the open major risk');
  const major = page.locator('#risks tbody tr', { hasText: '重庆渝建建筑劳务有限公司' }).first();
  const majorText = await major.innerText();
  check(majorText.includes('重大') && majorText.includes('第一时间响应'), 'the major risk waits for the first response');
  const ledger = await (await page.request.get(`${base}/api/risks?status=OPEN`)).json();
  check(ledger.some(r => r.level === 'MAJOR' && r.employerName === '重庆渝建建筑劳务有限公司'), 'the API lists the same risk');
  await page.screenshot({ path: `${shots}/risk-ledger.png`, fullPage: true });

  // 以案定补: the month's subsidies per mediator
  await page.goto(`${base}/supervision/subsidies`);
  await page.waitForSelector('#subsidies');
  const report = await (await page.request.get(`${base}/api/subsidies`)).json();
  const total = report.mediators.reduce((sum, m) => sum + m.amount, 0);
  check(Number((await page.textContent('#subsidy-total')).replace(/,/g, '')) === total,
    `the subsidy page adds up what the API reports (${total})`);

  // a collective case: each worker with the amount claimed, the elected representatives, and their own outcome
  const cases = await (await page.request.get(`${base}/api/cases?size=50`)).json();
  const collective = cases.cases.find(c => c.collective);
  await page.goto(`${base}/supervision/cases/${encodeURIComponent(collective.caseNumber)}`);
  await page.waitForSelector('#parties');
  const parties = page.locator('#parties tbody tr');
  check(await parties.count() === 13, 'the collective case lists its twelve workers and the employer');
  check((await parties.filter({ hasText: '代表' }).count()) === 2, 'the two elected representatives are marked');
  check((await parties.filter({ hasText: '达成调解协议，待履行' }).count()) === 10
    && (await parties.filter({ hasText: '办理中' }).count()) === 2, 'ten workers settled, two go on');
  check(await page.locator('#timeline', { hasText: '继续申请仲裁：吴海燕、郑伟' }).count() === 1,
    'the timeline names the workers who go on to arbitration');
  await page.screenshot({ path: `${shots}/case-collective.png`, fullPage: true });
});
