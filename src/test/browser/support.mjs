// What every browser check shares: Debian's Chromium, a pass/fail line per check, logging in (one login for pages and webapps).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const base = process.argv[2] ?? 'http://localhost:8080';
export const shots = process.argv[3] ?? '../../../docs/screenshots';
mkdirSync(shots, { recursive: true });

export function check(condition, what) {
  if (!condition) throw new Error('FAILED: ' + what);
  console.log('ok - ' + what);
}

/**
 * Runs body(browser) in headless Chromium and always closes it. Every page is watched for what the
 * Content-Security-Policy blocked: a blocked script, style, image or frame fails the check.
 */
export async function withBrowser(body) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const blocked = [];
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.on('console', message => {
      if (message.text().includes('Content Security Policy')) blocked.push(page.url() + ': ' + message.text());
    });
    return page;
  };
  try {
    await body(browser);
    check(blocked.length === 0, 'nothing on the pages was blocked by the Content-Security-Policy ' + blocked.join(' | '));
  } finally {
    await browser.close();
  }
}

/**
 * Logs in to a Camunda webapp ('tasklist', 'cockpit', 'admin') on a new page of the given size. There is one login for
 * the application's pages and the webapps: the webapp sends the browser to the login page, and back after it.
 */
export async function login(browser, app, user, password, viewport = { width: 1400, height: 900 }) {
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  await page.goto(`${base}/camunda/app/${app}/`);
  await page.waitForURL('**/login?**');
  await page.fill('#username', user);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`**/camunda/app/${app}/**`);
  return page;
}

/**
 * The engine REST API as one member of staff (HTTP Basic, password demo): engine(path, body) GETs or POSTs JSON;
 * completeTask(caseNumber, key, values) claims the case's open task with that key if nobody has, and completes it.
 */
export function staffApi(user) {
  const auth = 'Basic ' + Buffer.from(`${user}:demo`).toString('base64');
  async function engine(path, body) {
    const response = await fetch(`${base}/engine-rest${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  }
  async function completeTask(caseNumber, key, values) {
    const [task] = await engine(`/task?processInstanceBusinessKey=${encodeURIComponent(caseNumber)}&taskDefinitionKey=${key}`);
    if (!task) throw new Error('no open task ' + key);
    if (!task.assignee) await engine(`/task/${task.id}/claim`, { userId: user });
    await engine(`/task/${task.id}/complete`, {
      variables: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])) });
  }
  return { auth, engine, completeTask };
}
