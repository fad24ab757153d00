// The service window: a clerk registers a walk-in worker's oral application (a wrong identity number is refused
// first, named in Chinese next to its field), prints the receipt, and the 口头申请笔录 is issued; the case is then
// found by the last four characters of the identity number and by the employer's name, and its first responder hands
// it to a colleague. Usage: node counter-walk-in.mjs [baseUrl] [screenshotDir]
import { base, shots, check, withBrowser } from './support.mjs';

await withBrowser(async browser => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
  await page.goto(`${base}/counter`);
  await page.fill('#username', 'zhanglei');
  await page.fill('#password', 'demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('#counter-form');
  check(await page.locator('text=首问责任人').count() >= 1, 'the page says the clerk becomes the first responder');

  const suffix = String(Date.now() % 9000 + 1000); // a name no other run used
  await page.check('input[name=channel][value=ORAL]');
  await page.fill('#f-workerName', `窗口测试${suffix}`);
  await page.fill('#f-workerIdNumber', '433101199203153451'); // the check digit is wrong
  await page.fill('#f-workerPhone', '13600002222');
  await page.fill('#f-employerName', `重庆窗口${suffix}物流有限公司`);
  await page.fill('#f-employerCreditCode', '91500103MA5U8XYM10');
  await page.fill('#f-summary', '在仓库做搬运工，被口头辞退，最后两个月工资没有发。');
  await page.selectOption('#f-claimCause-0', 'PAY_ARREARS');
  await page.fill('#f-claimAmount-0', '9000');
  await page.click('#counter-form button[type=submit]');
  await page.waitForSelector('#errors');
  const refusal = await page.locator('#f-workerIdNumber ~ .error').innerText();
  check(refusal.includes('居民身份证号码无效') && !/idNumber|workers\[0]/.test(refusal),
    `a wrong identity number is named next to its field in Chinese (${refusal})`);
  check(await page.inputValue('#f-summary') === '在仓库做搬运工，被口头辞退，最后两个月工资没有发。', 'what was typed is kept');
  await page.screenshot({ path: `${shots}/counter-refused.png`, fullPage: true });

  await page.fill('#f-workerIdNumber', '43310119920315345X');
  await page.click('#counter-form button[type=submit]');
  await page.waitForSelector('#receipt');
  const caseNumber = (await page.textContent('#case-number')).trim();
  check(/〔\d{4}〕\d{5}号$/.test(caseNumber), `the receipt gives the case number (${caseNumber})`);
  check((await page.textContent('#first-responder')).includes('张磊（您）'), 'the receipt names the clerk as first responder');
  check(/\d{4}年\d{1,2}月\d{1,2}日前办理/.test(await page.textContent('#next-step')), 'the receipt says what happens next and by when');
  check((await page.textContent('#access-code')).trim().length >= 8, 'the receipt gives the access code for 我的申请');
  check(await page.locator('#receipt-documents a:has-text("口头申请笔录")').count() === 1, 'the oral application record is issued');
  check(await page.locator('[data-print]').count() === 1, 'the receipt can be printed');
  await page.emulateMedia({ media: 'print' });
  check(!(await page.locator('header.top').isVisible()), 'the printed receipt is the receipt alone');
  await page.screenshot({ path: `${shots}/counter-receipt.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // found again by the last four characters of the identity number and by the employer's name
  for (const q of ['345X', `窗口${suffix}物流`]) {
    await page.goto(`${base}/cases?q=${encodeURIComponent(q)}`);
    await page.waitForSelector('#found-count');
    check(await page.locator(`#cases a:has-text("${caseNumber}")`).count() === 1, `the case is found by ${q}`);
  }
  await page.screenshot({ path: `${shots}/case-search.png`, fullPage: true });

  // the owner hands it to a colleague
  await page.click(`#cases a:has-text("${caseNumber}")`);
  await page.waitForSelector('#first-responder');
  await page.click('#hand-over summary');
  await page.selectOption('#to', 'wangfang');
  await page.fill('#handover-note', '申请人下午再来签笔录，请王芳接待');
  await page.click('#hand-over button[type=submit]');
  await page.waitForSelector('#message');
  check((await page.textContent('#first-responder')).includes('王芳'), 'the case now has its new first responder');
  check(await page.locator('#timeline', { hasText: '王芳' }).count() === 1, 'the timeline records the hand-over');
  await page.screenshot({ path: `${shots}/case-handed-over.png`, fullPage: true });
});
