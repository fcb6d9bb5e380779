// The public pages in real headless Chromium (Debian's, driven by playwright-core): what a
// tourist sees after scanning a plaque, the directory, a place's page, the landing and 404
// pages, and reporting a fake plaque — in one language at a time, most of it without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startDemoServer, launchChromium, openPage, apiAs, screenshot } from './support.mjs';

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

/// No console error, page error or CSP violation on the page so far, but the expected ones.
function assertClean(page, expected = []) {
  assert.deepEqual(page.problems.filter((problem) => !expected.some((e) => e.test(problem))), []);
}

/// WCAG contrast ratio of every text in the verdict box against the box's rendered background.
async function verdictContrasts(page) {
  return page.$eval('.verdict', (box) => {
    const rgb = (text) => text.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const luminance = ([r, g, b]) => {
      const [R, G, B] = [r, g, b].map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const background = luminance(rgb(getComputedStyle(box).backgroundColor));
    return [box, ...box.querySelectorAll('h1, p, a')].map((element) => {
      const style = getComputedStyle(element);
      const opacity = Number(style.opacity);
      if (opacity < 1) return 0;  // faded text is not allowed
      const text = luminance(rgb(style.color));
      const [light, dark] = text > background ? [text, background] : [background, text];
      return (light + 0.05) / (dark + 0.05);
    });
  });
}

const verdictColor = (page) => page.$eval('.verdict', (box) => getComputedStyle(box).backgroundColor);

test('each verdict has its own colour, words and links, and every text reaches 4.5:1', async () => {
  const page = await phone();
  const expected = {
    active: [/^✔ 真实有效/, /有效期至 \d{4}年\d{1,2}月\d{1,2}日/],
    suspended: [/^⚠ 暂停使用/, /整改/],
    revoked: [/^✖ 已摘牌/, /\d{4}年\d{1,2}月\d{1,2}日 摘牌[\s\S]*原因：发生重大安全或质量事件/],
    expired: [/^已过期/, /到期，目前不是有效认定/],
    superseded: [/^已换发新牌/, /现行等级：/],
  };
  const colours = new Set();
  for (const [status, [headline, words]] of Object.entries(expected)) {
    const response = await page.goto(base + plaques[status]);
    assert.equal(response.status(), 200, status);
    assert.match(await page.textContent('.verdict h1'), headline, status);
    assert.match(await page.textContent('.verdict'), words, status);
    colours.add(await verdictColor(page));
    for (const ratio of await verdictContrasts(page)) assert.ok(ratio >= 4.5, `${status}: ${ratio}`);
    await screenshot(page, `verdict-${status}-390`);
  }
  // A removed plaque says when and why, never "valid until" and never an internal code.
  await page.goto(base + plaques.revoked);
  const removed = await page.textContent('main');
  assert.doesNotMatch(removed, /有效期至/);
  assert.doesNotMatch(removed, /serious_incident/);
  // An expired plaque does not lead with "genuine".
  await page.goto(base + plaques.expired);
  assert.doesNotMatch(await page.textContent('.verdict h1'), /真实/);

  // A replaced plaque leads to the place's current plaque, which is valid.
  await page.goto(base + plaques.superseded);
  await page.click('text=查看现行牌匾');
  assert.match(await page.textContent('.verdict h1'), /^✔ 真实有效/);
  assert.notEqual(page.url(), base + plaques.superseded);

  // A plaque that is not genuine: its own colour and a way to report it.
  const last = plaques.active.at(-1);
  await page.goto(base + plaques.active.slice(0, -1) + (last === 'A' ? 'B' : 'A'));
  assert.match(await page.textContent('.verdict h1'), /非真实牌匾/);
  colours.add(await verdictColor(page));
  for (const ratio of await verdictContrasts(page)) assert.ok(ratio >= 4.5, `forged: ${ratio}`);
  assert.equal(colours.size, 6, 'six verdicts, six colours');
  assert.ok(await page.locator('a[href^="/report?code="]').count() === 1);

  // The valid plaque's page links to the place's record and shows the local time.
  await page.goto(base + plaques.active);
  assert.match(await page.textContent('main'), /查验时间 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）/);
  await page.click('text=该场所的认定记录');
  assert.match(await page.textContent('h1'), /牧护关秦岭山居/);
  assert.match(await page.textContent('main'), /认定记录/);
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(fits, 'no horizontal scrolling on a phone');
  assertClean(page);
  await page.context().close();
});

test('the language chosen sticks across links, one language per page', async () => {
  const page = await phone({ javaScriptEnabled: false });
  await page.goto(`${base}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.click('header a[hreflang=en]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('header a[href="/directory"]');           // 1: the directory
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /Directory of certified places/);
  await page.locator('#places a').first().click();            // 2: a place's page
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('text=Check its plaque');                  // 3: its plaque
  assert.match(await page.textContent('.verdict h1'), /Genuine and valid/);
  assert.doesNotMatch(await page.textContent('main'), /[\u4e00-\u9fff]{2,}.*有效期/);
  assert.doesNotMatch(await page.textContent('.verdict'), /[\u4e00-\u9fff]/, 'no Chinese beside');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 972, `the page is ${height} px tall`);
  await page.click('header a[hreflang=zh-CN]');
  assert.match(await page.textContent('.verdict h1'), /真实有效/);
  await page.goto(`${base}/directory`);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assertClean(page);
  await page.context().close();
});

test('the directory searches and filters without JavaScript, pages, and explains grades', async () => {
  const page = await phone({ javaScriptEnabled: false });
  await page.goto(`${base}/directory`);
  const total = Number((await page.textContent('#total')).match(/\d+/)[0]);
  assert.ok(total > 30, `${total} certified`);
  assert.equal(await page.locator('#places li').count(), 30);
  await page.click('a[rel=next]');
  assert.equal(await page.locator('#places li').count(), total - 30);

  await page.goto(`${base}/directory`);
  await page.fill('#q', '豆腐');
  await page.click('button[type=submit]');
  const names = await page.locator('#places li strong').allTextContents();
  assert.ok(names.length >= 1 && names.every((name) => name.includes('豆腐')), names.join());

  await page.goto(`${base}/directory`);
  await page.selectOption('#category', 'restaurant');
  await page.selectOption('#county', 'zhashui');
  await page.click('button[type=submit]');
  const lines = await page.locator('#places li .muted').allTextContents();
  assert.ok(lines.length >= 1);
  for (const line of lines) assert.match(line, /柞水县 · 特色餐饮店/);

  await page.goto(`${base}/directory`);
  await page.selectOption('#grade', 'jia');
  await page.click('button[type=submit]');
  for (const line of await page.locator('#places li .muted').allTextContents())
    assert.match(line, /甲级/);

  // A removed place stays findable, and says so.
  await page.goto(`${base}/directory`);
  await page.selectOption('#status', 'removed');
  await page.click('button[type=submit]');
  assert.ok(await page.locator('#places .badge.revoked').count() >= 1);
  await page.locator('#places a').first().click();
  assert.match(await page.textContent('main'), /摘牌，原因：/);

  await page.goto(`${base}/directory`);
  await page.click('summary:has-text("等级说明")');
  assert.match(await page.textContent('details dl'), /甲级/);
  assert.match(await page.textContent('details dl'), /优秀（A级）/);
  await screenshot(page, 'directory-390');
  assertClean(page);
  await page.context().close();
});

test('the directory shows a result on public notice, and anyone can object without JavaScript',
  async () => {
    const page = await phone({ javaScriptEnabled: false });
    await page.goto(`${base}/directory`);
    const pending = page.locator('li.pending');
    assert.equal(await pending.count(), 1);
    assert.match(await pending.textContent(), /凤冠山水街客栈[\s\S]*公示至 \d{4}年/);
    await pending.locator('summary').click();
    await pending.locator('textarea').fill('该客栈实际只有 6 间客房，与公示的规模不符');
    await pending.locator('button[type=submit]').click();
    assert.match(await page.textContent('.verdict h1'), /异议已收到/);
    assertClean(page);
    await page.context().close();
  });

test('a tourist files a complaint from the plaque page; a short one comes back in Chinese',
  async () => {
    const page = await phone({ javaScriptEnabled: false });
    await page.goto(base + plaques.active);
    await page.click('text=投诉或举报');
    await page.fill('#description', '太差');
    await page.click('button[type=submit]');
    assert.match(await page.textContent('#description-error'), /至少 10 个字/);
    assert.equal(await page.inputValue('#description'), '太差');
    await page.selectOption('#category', 'service');
    await page.fill('#description', '前台态度恶劣，退房时多收了清洁费');
    await page.click('button[type=submit]');
    assert.match(await page.textContent('.verdict h1'), /已收到/);
    assert.match(await page.textContent('.verdict p'), /TS-C-\d{6}/);
    assertClean(page, [/status of 400/]);
    await page.context().close();
  });

test('a fake plaque is reported from its verdict, with a photo, and the office sees it', async () => {
  const page = await phone({ javaScriptEnabled: false });
  const last = plaques.active.at(-1);
  await page.goto(base + plaques.active.slice(0, -1) + (last === 'A' ? 'B' : 'A'));
  await page.click('text=举报这块假牌匾');
  // What the browser's own checks let through, the server refuses beside each field.
  await page.selectOption('#county', 'shangzhou');
  await page.fill('#place_name', ' ');
  await page.fill('#address', ' ');
  await page.fill('#seen', '假的');
  await page.click('button[type=submit]');
  for (const field of ['place_name', 'address', 'seen'])
    assert.equal(await page.locator(`#${field}-error`).count(), 1, field);
  assert.match(await page.textContent('#seen-error'), /至少 10 个字/);
  assert.equal(await page.inputValue('#seen'), '假的');
  await page.fill('#place_name', '秦岭山珍土菜馆');
  await page.fill('#address', '商州区北新街 88 号');
  await page.fill('#seen', '店门口挂着特色餐饮店牌匾，扫码显示非真实牌匾');
  const photo = path.join(demo.dataDir, 'plaque.png');
  writeFileSync(photo, Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
    'base64'));
  await page.setInputFiles('#photo', photo);
  await page.click('button[type=submit]');
  assert.match(await page.textContent('.verdict h1'), /举报已收到/);
  const reference = (await page.textContent('.verdict p')).match(/TS-R-\d{6}/)[0];
  assertClean(page, [/status of 400/]);
  await page.context().close();

  const office = await apiAs(base, 'shangzhou.office', demo.logins['shangzhou.office']);
  const { json } = await office.get('/api/v1/plaque-reports?status=new');
  const report = json.reports.find((r) => r.reference === reference);
  assert.ok(report, 'the county office sees the report');
  assert.equal(report.place_name, '秦岭山珍土菜馆');
  assert.match(report.code_seen, /^[A-Z2-7]+$/);
  const login = await fetch(`${base}/api/v1/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'shangzhou.office', password: demo.logins['shangzhou.office'] }) });
  const { token } = await login.json();
  const picture = await fetch(base + report.photo_url, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(picture.status, 200);
  assert.equal(picture.headers.get('content-type'), 'image/png');
});

test('the landing page and the 404 page', async () => {
  const page = await phone({ javaScriptEnabled: false });
  const landing = await page.goto(`${base}/`);
  assert.equal(landing.status(), 200);
  assert.match(await page.textContent('h1'), /三个提升/);
  assert.equal(await page.locator('.tiles a').count(), 3);
  assert.ok(await page.locator('a[href="/admin/"]').count() >= 1, 'staff can sign in');
  await page.fill('#q', '山居');
  await page.click('button[type=submit]');
  assert.match(await page.textContent('#places'), /牧护关秦岭山居/);
  const missing = await page.goto(`${base}/no/such/page`);
  assert.equal(missing.status(), 404);
  assert.equal(missing.headers()['content-type'], 'text/html; charset=utf-8');
  assert.match(await page.textContent('h1'), /页面不存在/);
  assert.equal((await page.goto(`${base}/favicon.svg`)).status(), 200);
  assertClean(page, [/status of 404/]);
  await page.context().close();
});
