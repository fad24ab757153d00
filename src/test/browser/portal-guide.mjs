// A worker with no legal knowledge on a cheap phone (360 x 740), in Chinese and in English: 我该怎么办？ recommends a
// procedure and an office, says how long it takes and where the one-year limit stands, and starts a shorter
// application with what it learned; the limit is shown while typing, before submitting; the calculator shows its result
// in view; 我的申请 finds a case number typed without 〔〕 and says plainly when the number or code does not match.
// Usage: node portal-guide.mjs [baseUrl] [screenshotDir]
import { base, shots, check, withBrowser } from './support.mjs';

const phoneView = { width: 360, height: 740 };
// The application as it was before the guide (measured on c00c2a9 with the measurement below, Chinese page, nothing
// filled in): 5.1 screens of 740 px, 35 inputs on the page, and 10 inputs to fill for the most common application
// (unpaid wages, one worker, mediation): office, name, ID number, phone, employer, credit code, story, cause, amount, code.
const BEFORE = { screens: 5.1, controls: 35, toFill: 10 };

/** China's date n months before today (the tests run on China's calendar, like the system). */
function monthsAgo(n) {
  const china = new Date(Date.now() + 8 * 3600 * 1000);
  china.setUTCMonth(china.getUTCMonth() - n);
  return china.toISOString().slice(0, 10);
}

/** The page's length in phone screens, the inputs a person sees, and those still empty that the application needs. */
async function measure(page) {
  return page.evaluate(() => {
    const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
    const controls = [...document.querySelectorAll('form input:not([type=hidden]), form select, form textarea')]
      .filter(visible);
    const needed = ['organisation', 'workerName', 'workerIdNumber', 'workerPhone', 'employerName', 'employerCreditCode',
      'summary', 'claimCause', 'claimAmount', 'code'];
    const toFill = needed.filter(name => !document.querySelector(`form [name="${name}"]`).value);
    return { screens: Math.round(document.documentElement.scrollHeight / 740 * 10) / 10, controls: controls.length,
      toFill: toFill.length, empty: toFill };
  });
}

await withBrowser(async browser => {
  // 1. Chinese: unpaid wages, still employed → mediation at the employer's office
  const zh = await browser.newPage({ viewport: phoneView, locale: 'zh-CN' });
  await zh.goto(`${base}/portal?lang=zh`);
  await zh.click('#card-guide');
  await zh.waitForURL('**/portal/guide');
  await zh.waitForLoadState('load');
  check(await zh.locator('#q-happened').isVisible() && await zh.locator('#q-employed').isHidden(),
    'the guide asks one question at a time');
  await zh.check('input[name=happened][value=WAGES]');
  await zh.check('input[name=stillEmployed][value=yes]');
  check(await zh.locator('#ended-on').isHidden(), 'the day of leaving is not asked of someone still employed');
  await zh.fill('#f-knewOn', monthsAgo(2));
  await zh.fill('#f-employerAddress', '重庆市渝中区解放碑步行街88号');
  await zh.screenshot({ path: `${shots}/portal-guide-questions.png`, fullPage: true });
  await zh.click('#guide-submit');
  await zh.waitForSelector('#advice');
  const advice = await zh.locator('#advice').innerText();
  check(advice.includes('建议：调解'), 'unpaid wages while employed: the guide recommends mediation');
  check(advice.includes('重庆市渝中区劳动人事争议多元化解中心'), 'at the office of the employer\'s district');
  check(/调解期限，一般为15日/.test(advice), 'it says how long mediation usually takes, from the periods table');
  check(advice.includes('不受1年仲裁时效的限制'), 'and that wages during employment are not time-barred');
  const inView = await zh.locator('#advice').evaluate(e => e.getBoundingClientRect().top);
  check(inView >= 0 && inView < 740, 'the advice is in view after answering');
  check(!/[A-Z_]{5,}/.test(advice), 'no code in the advice: ' + advice.match(/[A-Z_]{5,}/));
  await zh.screenshot({ path: `${shots}/portal-guide-advice.png` });

  await zh.click('#guide-apply');
  await zh.waitForSelector('#f-summary');
  check(await zh.locator('input[name=procedure][value=MEDIATION]').isChecked(), 'the application starts with mediation');
  check(await zh.inputValue('#f-organisation') === 'yuzhong', 'at the office the guide found');
  check(await zh.inputValue('#f-claimCause-0') === 'PAY_ARREARS', 'with the claim for unpaid wages');
  check(await zh.locator('#f-stillEmployed').isChecked(), 'and the answers about employment');
  check(await zh.locator('.claim').count() === 1, 'one claim block, not four');
  const labour = await zh.locator('#f-claimCause-0 optgroup:not([hidden])').evaluateAll(g => g.map(x => x.label));
  check(!labour.includes('人事争议'), 'a worker chooses from 劳动争议 causes only');
  const guided = await measure(zh);
  check(guided.screens < BEFORE.screens && guided.toFill < BEFORE.toFill && guided.controls < BEFORE.controls,
    `the guided application is shorter: ${guided.screens} screens (was ${BEFORE.screens}), ${guided.controls} inputs on the page (was ${BEFORE.controls}), ${guided.toFill} to fill (was ${BEFORE.toFill}): ${guided.empty.join(', ')}`);
  check(!(await zh.locator('#limitation-status').isHidden())
    && (await zh.locator('#limitation-status').innerText()).includes('不受1年仲裁时效的限制'),
    'the time limit is stated before submitting');
  // a public-institution employee sees 人事争议 causes
  await zh.check('#f-disputeKind');
  const personnel = await zh.locator('#f-claimCause-0 optgroup:not([hidden])').evaluateAll(g => g.map(x => x.label));
  check(personnel.length === 1 && personnel[0] === '人事争议', 'a public-institution employee chooses from 人事争议 causes');
  await zh.uncheck('#f-disputeKind');
  await zh.selectOption('#f-claimCause-0', 'PAY_ARREARS');
  // claims are added one at a time
  await zh.click('#add-claim');
  check(await zh.locator('.claim').count() === 2 && await zh.locator('#f-claimCause-1').isVisible(), 'a second claim is added on request');
  await zh.selectOption('#f-claimCause-1', 'PAY_OVERTIME');
  await zh.fill('#f-claimAmount-1', '1200');
  await zh.fill('#f-claimAmount-0', '9000');
  await zh.fill('#f-employerName', '重庆山城餐饮管理有限公司');
  await zh.fill('#f-employerCreditCode', '91500103MA5U8XYM10');
  await zh.fill('#f-workerName', '李春梅');
  await zh.fill('#f-workerIdNumber', '500103199001011240');
  await zh.fill('#f-workerPhone', '139' + String(Date.now()).slice(-8)); // a new phone each run: codes are rate-limited per phone
  await zh.fill('#f-summary', '我在店里做服务员，十月和十一月的工资一直没发，还有十月的加班费。');
  await zh.screenshot({ path: `${shots}/portal-apply-guided.png`, fullPage: true });
  await zh.click('#send-code');
  await zh.waitForSelector('#demo-code');
  const code = (await zh.locator('#demo-code').innerText()).match(/(\d{6})/)[1];
  await zh.fill('#f-code', code);
  await zh.click('form[action="/portal/apply"] button[type=submit]');
  await zh.waitForSelector('#access-code, #errors');
  if (await zh.locator('#errors').count()) throw new Error('the application was refused: ' + await zh.locator('#errors').innerText());
  const caseNumber = await zh.locator('#case-number').innerText();
  const accessCode = await zh.locator('#access-code').innerText();
  check(/^渝中劳调〔\d{4}〕\d+号$/.test(caseNumber), `the guided application is filed (${caseNumber})`);

  // 2. 我的申请: the number typed without 〔〕; a wrong code answered plainly
  const [, year, serial] = caseNumber.match(/〔(\d{4})〕0*(\d+)号/);
  await zh.goto(`${base}/portal/follow`);
  await zh.fill('#f-caseNumber', `渝中劳调${year} ${serial}`);
  await zh.fill('#f-code', 'WRONGCODE2');
  await zh.click('form[action="/portal/follow"] button[type=submit]');
  await zh.waitForSelector('#errors');
  const refusal = await zh.locator('#errors').innerText();
  check(refusal.includes('请核对以下内容') && refusal.includes('案号或查询码不正确') && !refusal.includes('申请尚未保存'),
    `a wrong look-up says the number or code did not match (${refusal.replace(/\s+/g, ' ')})`);
  await zh.screenshot({ path: `${shots}/portal-lookup-refused.png` });
  await zh.fill('#f-caseNumber', `渝中劳调${year} ${serial}`);
  await zh.fill('#f-code', accessCode);
  await zh.click('form[action="/portal/follow"] button[type=submit]');
  await zh.waitForURL('**/portal/cases/**');
  check((await zh.locator('main').innerText()).includes(caseNumber), 'the case number typed without 〔〕 opens the case');

  // 3. English: dismissed 13 months ago → arbitration, with the time-limit warning, before anything is filed
  const en = await browser.newPage({ viewport: phoneView, locale: 'en-GB' });
  await en.goto(`${base}/portal/guide?lang=en`);
  check(await en.locator('h1').innerText() === 'What should I do?', 'the guide is in English');
  await en.check('input[name=happened][value=DISMISSAL]');
  await en.check('input[name=stillEmployed][value=no]');
  check(await en.locator('#f-employmentEndedOn').isVisible(), 'someone who left is asked the day');
  await en.fill('#f-employmentEndedOn', monthsAgo(13));
  await en.fill('#f-knewOn', monthsAgo(13));
  await en.fill('#f-employerAddress', '湖南省湘西州吉首市人民北路');
  await en.click('#guide-submit');
  await en.waitForSelector('#advice');
  const enAdvice = await en.locator('#advice').innerText();
  check(enAdvice.includes('Our suggestion: arbitration'), 'a dismissal 13 months ago: the guide recommends arbitration');
  check((await en.locator('#guide-limitation').innerText()).includes('ended on'), 'with the time-limit warning');
  check(enAdvice.includes('吉首市劳动人事争议一站式调处中心'), 'at the office of the employer\'s city');
  check(!/[\u4e00-\u9fa5]/.test(enAdvice.replace(/吉首市劳动人事争议一站式调处中心|吉首市/g, '')),
    'one language on the English page (office names apart)');
  await en.screenshot({ path: `${shots}/portal-guide-advice-en.png` });
  await en.click('#guide-apply');
  await en.waitForSelector('#f-summary');
  check(await en.locator('input[name=procedure][value=ARBITRATION]').isChecked()
    && await en.inputValue('#f-organisation') === 'jishou'
    && await en.inputValue('#f-claimCause-0') === 'TERM_UNLAWFUL', 'the application starts with arbitration, the office and the claim');
  check(await en.locator('#f-workerAddress').isVisible(), 'arbitration asks for the worker\'s address');
  const warning = en.locator('#limitation-status');
  check(!(await warning.isHidden()) && (await warning.innerText()).includes('ended on') && await warning.evaluate(e => e.classList.contains('warn')),
    'the time-limit warning is on the page before submitting');
  check(await en.locator('#limitation-reason').isVisible(), 'with the question of what can interrupt it');
  const enPage = await en.locator('main').innerText();
  check(!/[\u4e00-\u9fa5]{2,}/.test(enPage.replace(/[^\n]*(劳动|争议|调处|中心|街道|区|市|农民工|吉首|渝中)[^\n]*/g, '')),
    'no Chinese sentence on the English application (place names and 农民工 apart)');
  await en.screenshot({ path: `${shots}/portal-apply-arbitration-en.png`, fullPage: true });

  // 4. the limit appears while typing on a blank application
  const typing = await browser.newPage({ viewport: phoneView, locale: 'zh-CN' });
  await typing.goto(`${base}/portal/apply`);
  const blank = await measure(typing);
  check(blank.screens < BEFORE.screens, `the blank application is shorter too (${blank.screens} screens)`);
  check(await typing.locator('#limitation-status').isHidden(), 'nothing is said about the limit before a date is entered');
  await typing.fill('#f-employerAddress', '重庆市渝中区');
  await typing.waitForFunction(() => document.getElementById('f-organisation').value === 'yuzhong');
  check((await typing.locator('#office-status').innerText()).includes('重庆市渝中区劳动人事争议多元化解中心'),
    'the office is chosen from the address while typing');
  await typing.uncheck('#f-stillEmployed');
  await typing.fill('#f-knewOn', monthsAgo(13));
  await typing.waitForSelector('#limitation-status.warn');
  check((await typing.locator('#limitation-status').innerText()).includes('已于'), 'a passed limit is shown while typing');
  await typing.fill('#f-knewOn', monthsAgo(3));
  await typing.waitForFunction(() => !document.getElementById('limitation-status').classList.contains('warn'));
  check((await typing.locator('#limitation-status').innerText()).includes('届满，还有'), 'a running limit says when it ends');
  console.log(`measure: before ${JSON.stringify(BEFORE)}; guided ${JSON.stringify(guided)}; blank ${JSON.stringify(blank)}`);

  // 5. the calculator: the result in view, the cap explained only where it may apply
  await zh.goto(`${base}/portal/calculator?organisation=yuzhong`);
  await zh.fill('#f-monthlyWage', '4500');
  await zh.fill('#f-unpaidWages', '9000');
  await zh.check('input[name=termination][value=COMPENSATION]');
  await zh.fill('#f-employedFrom', '2023-03-01');
  await zh.fill('#f-employedUntil', '2026-10-31');
  await zh.click('button[name=calculate]');
  await zh.waitForSelector('#result');
  const top = await zh.locator('#result').evaluate(e => e.getBoundingClientRect().top);
  check(top >= 0 && top < 600, `the result is in view after calculating (top at ${Math.round(top)} px)`);
  const result = await zh.locator('#result').innerText();
  check(!result.includes('需人工核对') && !result.includes('没有按上限算'), 'no cap wording for a wage the cap cannot touch');
  await zh.screenshot({ path: `${shots}/portal-calculator-result.png` });
  await zh.goto(`${base}/portal/calculator?lang=en&monthlyWage=4500&termination=COMPENSATION&employedFrom=2023-03-01&employedUntil=2026-10-31&calculate=1`);
  const enResult = await zh.locator('#result').innerText();
  check(enResult.includes('We do not know the local average here') && !/[\u4e00-\u9fa5]/.test(enResult),
    'without the place, the English result explains the cap in plain English');

  // 6. an enterprise's registered contact (the demo's: 13900001111) opens its page with the credit code and a code
  const firm = await browser.newPage({ viewport: phoneView, locale: 'zh-CN' });
  await firm.goto(`${base}/portal/follow?lang=zh`);
  await firm.fill('#f-employerCreditCode', '91500103ma5uk2lt71');
  await firm.fill('#f-employerPhone', '13900001111');
  await firm.click('#employer .send-code');
  await firm.waitForSelector('#employer-code-status-demo');
  await firm.fill('#f-employer-code', (await firm.locator('#employer-code-status-demo').innerText()).match(/(\d{6})/)[1]);
  await firm.click('form[action="/portal/follow/employer"] button[type=submit]');
  await firm.waitForURL('**/portal/employer');
  const archive = await firm.locator('main').innerText();
  check(archive.includes('重庆渝建建筑劳务有限公司') && /渝中风险〔\d{4}〕\d+号 · 重大 · 群体性事件 · 处置中/.test(archive),
    'the enterprise\'s contact sees the major risk noted for it, in words');
  check(!archive.includes('上访') && !archive.includes('农民工反映'), 'but not the staff\'s description of it');
  await firm.screenshot({ path: `${shots}/portal-employer.png`, fullPage: true });
});
