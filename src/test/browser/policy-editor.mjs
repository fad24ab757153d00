// A policy editor opens the change page: a model with a gateway that is not a question is refused with the element
// named; a renamed step is previewed (the difference and where running cases wait), deployed with a reason, and the
// running mediation cases are dry-run and migrated to the new version.
// Usage: node policy-editor.mjs [baseUrl] [screenshotDir]   (run from src/test/browser)
import { readFileSync } from 'node:fs';
import { base, shots, check, withBrowser } from './support.mjs';

const mediation = readFileSync('../../../bpmn/mediation.bpmn', 'utf8');
const file = (text) => ({ name: 'mediation.bpmn', mimeType: 'application/xml', buffer: Buffer.from(text, 'utf8') });

await withBrowser(async browser => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  await page.goto(`${base}/policy`);
  check(page.url().includes('/login'), 'the policy page asks for a login');
  await page.fill('#username', 'huangli');
  await page.fill('#password', 'demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('#versions');
  check(await page.locator('#versions', { hasText: '件运行中' }).count() === 1, 'the versions list shows running cases');
  check(await page.locator('#components', { hasText: 'deadlines' }).count() === 1,
    'the page lists the components a model may call');

  await page.setInputFiles('#files', file(mediation.replace('name="予以受理？"', 'name="受理判断"')));
  await page.click('#validate');
  await page.waitForSelector('#invalid');
  check(await page.locator('#invalid', { hasText: 'Gateway_MediationAccepted' }).count() === 1,
    'a gateway not named as a question is refused, the element named');
  await page.screenshot({ path: `${shots}/policy-invalid.png`, fullPage: true });

  await page.setInputFiles('#files', file(mediation.replace('name="受理审查"', 'name="受理审查并告知权利"')));
  await page.click('#preview');
  await page.waitForSelector('#changes');
  check(await page.locator('#changes', { hasText: '受理审查并告知权利' }).count() === 1, 'the preview shows the renamed step');
  check(await page.locator('#waiting').count() === 1, 'the preview shows where running cases wait');
  await page.screenshot({ path: `${shots}/policy-preview.png`, fullPage: true });

  await page.fill('#deploy-comment', '受理审查环节名称写明告知权利义务');
  await page.click('#deploy');
  await page.waitForSelector('#deployed');
  check(await page.locator('#deployed', { hasText: 'mediation:' }).count() === 1, 'the change is deployed as a new version');

  await page.reload();
  await page.selectOption('#migrate-key', 'mediation');
  await page.fill('#migrate-version', '1');
  await page.click('#dry-run');
  await page.waitForSelector('#movable-count');
  const movable = Number(await page.textContent('#movable-count'));
  check(movable >= 1, `the dry run finds running mediation cases that can move (${movable})`);
  await page.fill('#migrate-comment', '在办调解案件改用新版本');
  await page.click('#migrate');
  await page.waitForSelector('#migration-progress');
  await page.waitForFunction(() => document.querySelector('#migration-progress').textContent.includes('已完成。'), null,
    { timeout: 60000 });
  check(true, 'the migration batch runs to the end');
  await page.reload();
  check(await page.locator('#audit', { hasText: '在办调解案件改用新版本' }).count() === 1, 'the audit trail records the migration');
  check(await page.locator('script[src="/js/policy.js"]').count() === 1, 'the page renders to its end');
  await page.screenshot({ path: `${shots}/policy-migrated.png`, fullPage: true });
});
