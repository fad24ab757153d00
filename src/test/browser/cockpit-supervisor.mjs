// The city supervisor opens Cockpit, in Chinese, and sees the main process with its running cases and the diagram;
// the administrator's Admin app speaks Chinese too.
// Usage: node cockpit-supervisor.mjs [baseUrl] [screenshotDir]
import { base, shots, check, withBrowser, login } from './support.mjs';

await withBrowser(async browser => {
  const page = await login(browser, 'cockpit', 'hemei', 'demo', { width: 1600, height: 1000 });
  await page.waitForSelector('text=运行中的流程实例');
  check(await page.isVisible('text=流程定义') && await page.isVisible('text=流程监控'), 'Cockpit speaks Chinese');
  await page.waitForFunction(() => [...document.querySelectorAll('.value, text')].some(e => /[1-9]/.test(e.textContent)),
    null, { timeout: 10000 }).catch(() => {});
  await page.screenshot({ path: `${shots}/cockpit-dashboard.png` });
  await page.goto(base + '/camunda/app/cockpit/default/#/processes');
  await page.locator('text=劳动人事争议案件').first().click();
  await page.waitForSelector('.djs-container svg');
  await page.waitForTimeout(1500);
  const diagramText = await page.locator('.djs-container').innerText();
  check(diagramText.includes('分流') && diagramText.includes('结案'), 'Cockpit draws the main process diagram');
  check(await page.locator('text=/渝中劳调〔\\d{4}〕\\d{5}号/').count() > 0, 'running cases are listed by case number');
  await page.screenshot({ path: `${shots}/cockpit-main-process.png` });

  const admin = await login(browser, 'admin', 'admin', 'admin', { width: 1400, height: 900 });
  await admin.waitForSelector('text=系统管理');
  await admin.goto(base + '/camunda/app/admin/default/#/users');
  await admin.waitForSelector('text=用户列表');
  await admin.waitForSelector('td:has-text("wangfang")');
  check(await admin.locator('td:has-text("王芳")').count() > 0 && await admin.isVisible('text=岗位'),
    'Admin lists the users in Chinese');
  await admin.screenshot({ path: `${shots}/admin-users.png` });
});
