// The city supervisor opens Cockpit and sees the main process with its running cases and the diagram.
// Usage: node cockpit-supervisor.mjs [baseUrl] [screenshotDir]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.argv[2] ?? 'http://localhost:8080';
const shots = process.argv[3] ?? '../../../docs/screenshots';
mkdirSync(shots, { recursive: true });

function check(condition, what) {
  if (!condition) throw new Error('FAILED: ' + what);
  console.log('ok - ' + what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
  await page.goto(base + '/camunda/app/cockpit/');
  await page.fill('input[ng-model=username]', 'hemei');
  await page.fill('input[ng-model=password]', 'demo');
  await page.click('button[type=submit]');
  await page.goto(base + '/camunda/app/cockpit/default/#/processes');
  await page.locator('text=劳动人事争议案件').first().click();
  await page.waitForSelector('.djs-container svg');
  await page.waitForTimeout(1500);
  const diagramText = await page.locator('.djs-container').innerText();
  check(diagramText.includes('分流') && diagramText.includes('结案'), 'Cockpit draws the main process diagram');
  check(await page.locator('text=/渝中劳调〔\\d{4}〕\\d{5}号/').count() > 0, 'running cases are listed by case number');
  await page.screenshot({ path: `${shots}/cockpit-main-process.png` });
} finally {
  await browser.close();
}
