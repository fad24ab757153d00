// The city supervisor opens Cockpit and sees the main process with its running cases and the diagram.
// Usage: node cockpit-supervisor.mjs [baseUrl] [screenshotDir]
import { base, shots, check, withBrowser, login } from './support.mjs';

await withBrowser(async browser => {
  const page = await login(browser, 'cockpit', 'hemei', 'demo', { width: 1600, height: 1000 });
  await page.waitForSelector('text=Processes');
  await page.goto(base + '/camunda/app/cockpit/default/#/processes');
  await page.locator('text=劳动人事争议案件').first().click();
  await page.waitForSelector('.djs-container svg');
  await page.waitForTimeout(1500);
  const diagramText = await page.locator('.djs-container').innerText();
  check(diagramText.includes('分流') && diagramText.includes('结案'), 'Cockpit draws the main process diagram');
  check(await page.locator('text=/渝中劳调〔\\d{4}〕\\d{5}号/').count() > 0, 'running cases are listed by case number');
  await page.screenshot({ path: `${shots}/cockpit-main-process.png` });
});
