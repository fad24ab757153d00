// The login page (one login for the pages and the webapps, with the demo's warning) and the page a member of staff
// sees where her role may not go. Usage: node shot-login.mjs [baseUrl] [screenshotDir]
import { base, shots, check, withBrowser } from './support.mjs';

await withBrowser(async browser => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 700 }, locale: 'zh-CN' });
  await page.goto(`${base}/camunda/app/tasklist/`);
  check(page.url().includes('/login?next='), 'the Tasklist sends a person who is not logged in to the one login page');
  check(await page.locator('text=演示环境').count() === 1, 'the demo login page says its passwords are public');
  await page.screenshot({ path: `${shots}/login.png` });
  await page.fill('#username', 'wangfang');
  await page.fill('#password', 'wrong');
  await page.click('button[type=submit]');
  await page.waitForSelector('.error[role=alert]');
  check(await page.locator('text=用户名或密码错误').count() === 1, 'a wrong password is said in Chinese');
  await page.fill('#password', 'demo');
  await page.click('button[type=submit]');
  await page.waitForURL('**/camunda/app/tasklist/**');
  check(true, 'the right password right after a wrong one logs in (no lock)');
  await page.goto(`${base}/policy`);
  check(await page.locator('text=您的岗位不能打开此页面').count() === 1, 'a mediator opening the policy page is told so in words');
  await page.screenshot({ path: `${shots}/denied.png` });
});
