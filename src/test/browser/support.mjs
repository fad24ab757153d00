// What every browser check shares: Debian's Chromium, a pass/fail line per check, logging in to a Camunda webapp.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const base = process.argv[2] ?? 'http://localhost:8080';
export const shots = process.argv[3] ?? '../../../docs/screenshots';
mkdirSync(shots, { recursive: true });

export function check(condition, what) {
  if (!condition) throw new Error('FAILED: ' + what);
  console.log('ok - ' + what);
}

/** Runs body(browser) in headless Chromium and always closes it. */
export async function withBrowser(body) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    await body(browser);
  } finally {
    await browser.close();
  }
}

/** Logs in to a Camunda webapp ('tasklist', 'cockpit', 'admin') on a new page of the given size. */
export async function login(browser, app, user, password, viewport = { width: 1400, height: 900 }) {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  await page.goto(`${base}/camunda/app/${app}/`);
  await page.fill('input[ng-model=username]', user);
  await page.fill('input[ng-model=password]', password);
  await page.click('button[type=submit]');
  return page;
}
