// The public pages in real headless Chromium (Debian's, driven by playwright-core): what a
// tourist sees after scanning a plaque, in both languages, with and without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, launchChromium, openPage } from './support.mjs';

let demo, base, plaques, browser;

before(async () => {
  demo = await startDemoServer();
  ({ base, plaques } = demo);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  demo?.stop();
});

/// A phone-sized page; console messages (CSP violations among them) are collected.
function phone({ locale = 'zh-CN', javaScriptEnabled = true } = {}) {
  return openPage(browser, { width: 390, locale, javaScriptEnabled });
}

async function verdictColor(page) {
  return page.$eval('.verdict', (element) => getComputedStyle(element).backgroundColor);
}

test('a valid plaque shows genuine and valid in green, styled under the strict CSP', async () => {
  const page = await phone();
  const response = await page.goto(base + plaques.active);
  assert.equal(response.status(), 200);
  assert.match(await page.textContent('.verdict h1'), /^✔ 真实有效/);
  assert.equal(await verdictColor(page), 'rgb(30, 125, 50)');
  assert.match(await page.textContent('.name'), /牧护关秦岭山居/);
  assert.deepEqual(page.messages.filter((m) => m.includes('Content Security Policy')), []);
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(fits, 'no horizontal scrolling on a phone');
  await page.context().close();
});

test('each status has its own colour and words', async () => {
  const expected = {
    suspended: ['暂停使用', 'rgb(178, 106, 0)'],
    revoked: ['已摘牌', 'rgb(179, 38, 30)'],
    expired: ['已过期', 'rgb(95, 99, 104)'],
    superseded: ['已换发新牌', 'rgb(95, 99, 104)'],
  };
  const page = await phone();
  for (const [status, [words, colour]] of Object.entries(expected)) {
    await page.goto(base + plaques[status]);
    assert.match(await page.textContent('.verdict h1'), new RegExp(words), status);
    assert.equal(await verdictColor(page), colour, status);
  }
  const last = plaques.active.at(-1);
  await page.goto(base + plaques.active.slice(0, -1) + (last === 'A' ? 'B' : 'A'));
  assert.match(await page.textContent('.verdict h1'), /非真实牌匾/);
  assert.equal(await verdictColor(page), 'rgb(179, 38, 30)');
  await page.context().close();
});

test('an English browser gets English first and can switch to Chinese', async () => {
  const page = await phone({ locale: 'en-US' });
  await page.goto(base + plaques.active);
  assert.match(await page.textContent('.verdict h1'), /^✔ Genuine and valid/);
  await page.click('header a');
  assert.match(await page.textContent('.verdict h1'), /^✔ 真实有效/);
  await page.context().close();
});

test('a tourist files a complaint from the plaque page without JavaScript', async () => {
  const page = await phone({ javaScriptEnabled: false });
  await page.goto(base + plaques.active);
  await page.click('text=投诉或举报');
  assert.match(await page.textContent('form'), /问题类型/);
  await page.selectOption('#category', 'service');
  await page.fill('#description', '前台态度恶劣，退房时多收了清洁费');
  await page.fill('#contact', '13800000000');
  await page.click('button[type=submit]');
  assert.match(await page.textContent('.verdict h1'), /已收到/);
  assert.match(await page.textContent('.verdict p'), /TS-C-\d{6}/);
  await page.context().close();
});

test('a complaint that is too short comes back with the problem and the text kept', async () => {
  const page = await phone({ javaScriptEnabled: false });
  await page.goto(`${base}/complaints/new?serial=SL-MS-2026-000001`);
  await page.fill('#description', '太差');
  await page.click('button[type=submit]');
  assert.match(await page.textContent('.error'), /10 to 2000 characters/);
  assert.equal(await page.inputValue('#description'), '太差');
  await page.context().close();
});

test('the directory shows a result on public notice, and anyone can object without JavaScript',
  async () => {
    const page = await phone({ javaScriptEnabled: false });
    const response = await page.goto(`${base}/directory`);
    assert.equal(response.status(), 200);
    const pending = page.locator('li.pending');
    assert.equal(await pending.count(), 1);
    assert.match(await pending.textContent(), /凤冠山水街客栈[\s\S]*公示中，至 \d{4}-\d{2}-\d{2}/);
    assert.equal(await pending.evaluate((li) => getComputedStyle(li).borderLeftColor),
      'rgb(178, 106, 0)');
    assert.ok(await page.locator('ul.list li a.name').count() > 20, 'certified entries listed');
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(fits, 'no horizontal scrolling on a phone');
    assert.deepEqual(page.messages.filter((m) => m.includes('Content Security Policy')), []);

    await pending.locator('summary').click();
    await pending.locator('textarea').fill('该客栈实际只有 6 间客房，与公示的规模不符');
    await pending.locator('button[type=submit]').click();
    assert.match(await page.textContent('.verdict h1'), /异议已收到/);

    await page.goto(`${base}/directory`);
    await page.locator('ul.list li a.name').first().click();
    assert.match(await page.textContent('.verdict h1'), /真实有效/);
    await page.context().close();
  });
