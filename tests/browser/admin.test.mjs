// The admin UI in real headless Chromium: an inspector scoring on a phone through a loss of
// network, offices deciding, a business following its entry, county scope, removal from the
// list as a tourist then sees it, and the whole of it in English. Every page must stay free of
// console errors and CSP violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startDemoServer, launchChromium, openPage, apiAs, screenshot, artifacts, signIn as signInAs } from './support.mjs';

let demo, base, browser;
const today = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 864e5));

before(async () => {
  demo = await startDemoServer();
  base = demo.base;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  demo?.stop();
});

const api = (username) => apiAs(base, username, demo.logins[username]);

const signIn = (page, username, password = demo.logins[username]) =>
  signInAs(page, base, username, password);

/** No console error, page error or CSP violation except those the test expects. */
function assertClean(page, allowed = []) {
  const unexpected = page.problems.filter((text) => !allowed.some((pattern) => pattern.test(text)));
  assert.deepEqual(unexpected, []);
}

async function confirm(page, label) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.locator('[role=alertdialog] button.primary, [role=alertdialog] button.danger').click();
}

const sheetItems = (page) => page.$$eval('[data-item]', (nodes) => nodes.map((node) => ({
  id: node.dataset.item, kind: node.tagName === 'SELECT' ? 'points' : 'pass_fail',
  max: node.tagName === 'SELECT' ? Math.max(...[...node.options].map((o) => Number(o.value)).filter(Number.isFinite)) : null,
})));

async function score(page, item) {
  if (item.kind === 'points') await page.selectOption(`select[data-item="${item.id}"]`, String(item.max));
  else await page.locator(`fieldset[data-item="${item.id}"] input[value=pass]`).check();
}

test('an inspector scores on a phone, offline and after a reload, and nothing is lost', async () => {
  const page = await openPage(browser, { width: 375 });
  await signIn(page, 'inspector.wang');
  await screenshot(page, 'inspector-home-375');
  await page.getByRole('link', { name: /牧护关秦岭山居/ }).click();
  await page.locator('.sheet').waitFor();
  const inspectionId = page.url().match(/inspections\/(\d+)/)[1];
  const items = await sheetItems(page);
  assert.equal(items.length, 52, 'the homestay standard has 52 items');
  assert.ok(await page.locator('.mark.mandatory').count() >= 15, 'mandatory items are marked');

  // The live grade: everything not scored counts in full, a failed mandatory item vetoes it.
  const grade = page.locator('.preview [data-grade]');
  await assert.doesNotReject(grade.and(page.locator('[data-grade=jia]')).waitFor());
  await page.locator('fieldset[data-item="m.licences"] input[value=fail]').check();
  await page.locator('.preview [data-grade=""]').waitFor();
  assert.match(await page.textContent('.preview'), /未达任何等级/);
  await page.locator('fieldset[data-item="m.licences"] input[value=pass]').check();
  await page.locator('.preview [data-grade=jia]').waitFor();

  const half = Math.floor(items.length / 2);
  for (const item of items.slice(0, half)) await score(page, item);
  await page.locator('.sync', { hasText: '所有修改均已上传' }).waitFor();
  const photo = await page.screenshot({ type: 'png' });
  await page.setInputFiles('input[data-photo="env.location"]',
    { name: 'photo.png', mimeType: 'image/png', buffer: photo });
  await page.locator('.photo-button', { hasText: '(1)' }).waitFor();
  await page.locator('.sync', { hasText: '所有修改均已上传' }).waitFor();
  assert.equal(await page.locator('.photo-button', { hasText: '(1)' }).count(), 1, 'the photo counts once sent');
  await screenshot(page, 'inspector-sheet-375');

  // Into the mountains: scoring goes on, kept on the device.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.context().setOffline(true);
  const offlineItems = items.slice(half, half + 10);
  for (const item of offlineItems) await score(page, item);
  await page.locator('.badge.pending', { hasText: /10 项修改尚未上传/ }).waitFor();
  await page.getByRole('link', { name: '待办' }).click();
  const reloaded = await page.reload();
  assert.ok(reloaded.fromServiceWorker(), 'the app shell came from the service worker');
  await page.locator('.badge.offline').waitFor();
  await page.goto(`${base}/admin/#/inspections/${inspectionId}`);
  await page.locator('.sheet').waitFor();
  assert.match(await page.textContent('.sheet'), /离线/);
  // The changes kept on the device are read back from IndexedDB just after the sheet shows.
  const kept = offlineItems.find((item) => item.kind === 'points') ?? offlineItems[0];
  if (kept.kind === 'points')
    await page.waitForFunction(([id, value]) =>
      document.querySelector(`select[data-item="${id}"]`)?.value === value, [kept.id, String(kept.max)]);
  else await page.locator(`fieldset[data-item="${kept.id}"] input[value=pass]:checked`).waitFor();
  for (const item of items.slice(half + 10)) await score(page, item);
  assert.ok(await page.getByRole('button', { name: '提交评定结果' }).isDisabled(), 'no submit while offline');
  await screenshot(page, 'inspector-sheet-offline-375');

  // Back in signal: everything reaches the server, then the sheet can be submitted.
  await page.context().setOffline(false);
  await page.locator('.sync', { hasText: '所有修改均已上传' }).waitFor({ timeout: 30000 });
  const inspector = await api('inspector.wang');
  const stored = (await inspector.get(`/api/v1/inspections/${inspectionId}`)).json;
  for (const item of items)
    assert.equal(stored.inspection.scores[item.id], item.kind === 'points' ? item.max : 'pass', item.id);
  assert.equal(stored.evidence.length, 1);
  assert.equal(stored.evidence[0].item, 'env.location');
  await page.getByRole('button', { name: '提交评定结果' }).click();
  await page.locator('.inspection').waitFor();
  assert.match(await page.textContent('.inspection'), /已提交，待确认/);
  assertClean(page);
  await page.context().close();
});

test('a business applies, an office confirms, and after the notice the business downloads its plaque',
  async () => {
    const admin = await api('admin');
    const created = await admin.post('/api/v1/entries', {
      category: 'homestay', name: { zh: '秦岭云居', en: 'Qinling Cloud Lodge' }, county: 'shangzhou',
      address: { zh: '商州区北宽坪镇', en: 'Beikuanping, Shangzhou' }, owner: 'muhuguan.owner' });
    assert.equal(created.status, 201);
    const entryId = created.json.entry.id;

    const business = await openPage(browser, { width: 375 });
    await signIn(business, 'muhuguan.owner');
    await business.getByRole('link', { name: /秦岭云居/ }).click();
    await confirm(business, '申请认定');
    await business.locator('.state-applied').first().waitFor();

    const office = await openPage(browser, { width: 1280 });
    await signIn(office, 'shangzhou.office');
    await screenshot(office, 'office-home-1280');
    await office.goto(`${base}/admin/#/inspections?kind=initial&status=scheduled`);
    await office.getByRole('link', { name: /秦岭云居/ }).click();
    await office.getByLabel(/inspector\.wang/).check();
    await office.getByRole('button', { name: '保存分配' }).click();
    await office.getByText('已保存。').waitFor();
    const inspectionId = office.url().match(/inspections\/(\d+)/)[1];

    const inspector = await api('inspector.wang');
    const { json: { standard } } = await inspector.get(`/api/v1/inspections/${inspectionId}`).then(
      async (reply) => ({ json: { standard: (await fetch(`${base}/api/v1/standards/homestay`).then((r) => r.json())), ...reply.json } }));
    const scores = {};
    for (const item of standard.sections.flatMap((s) => s.items))
      scores[item.id] = item.kind === 'points' ? item.max : 'pass';
    assert.equal((await inspector.put(`/api/v1/inspections/${inspectionId}/scores`, { scores })).status, 200);
    assert.equal((await inspector.post(`/api/v1/inspections/${inspectionId}/submit`)).status, 200);

    await office.goto(`${base}/admin/`);
    await office.getByRole('link', { name: /待确认的评定结果/ }).click();
    await office.getByRole('link', { name: /秦岭云居/ }).click();
    await office.locator('.preview').waitFor();
    await screenshot(office, 'office-decision-1280');
    await confirm(office, '确认结果');
    await office.getByText('已确认', { exact: false }).first().waitFor();
    const record = (await admin.get(`/api/v1/entries/${entryId}/record`)).json;
    assert.equal(record.notices.length, 1);
    assert.equal(record.notices[0].status, 'open');

    demo.run(['tick', '--at', today(8)]);
    await business.goto(`${base}/admin/`);
    await business.getByRole('link', { name: /秦岭云居/ }).click();
    await business.locator('.certificate').waitFor();
    assert.match(await business.textContent('.certificate'), /甲级/);
    const [download] = await Promise.all([
      business.waitForEvent('download'),
      business.getByRole('link', { name: '下载牌匾 PDF' }).click(),
    ]);
    const pdf = path.join(artifacts, 'plaque-from-portal.pdf');
    await download.saveAs(pdf);
    assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /Pages:\s+1/);
    assert.match(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }), /秦岭云居/);
    await screenshot(business, 'business-entry-375');
    assertClean(business);
    assertClean(office);
    await business.context().close();
    await office.context().close();
  });

test('a business sees its rectification deadline and appeals; another admin grants it', async () => {
  const office = await openPage(browser, { width: 1280 });
  await signIn(office, 'shangzhou.office');
  await office.goto(`${base}/admin/#/entries?q=${encodeURIComponent('秦岭云居')}`);
  await office.getByRole('link', { name: /秦岭云居/ }).click();
  const deadline = today(20);
  await office.getByLabel('问题与整改要求').fill('消防通道堆放杂物，灭火器过期');
  await office.getByLabel('整改期限').fill(deadline);
  await office.getByLabel('整改期间暂停使用牌匾').check();
  await office.getByRole('button', { name: '下达整改' }).click();
  assert.match(await office.textContent('[role=alertdialog]'), /暂停使用/);
  await office.locator('[role=alertdialog] button.danger').click();
  await office.locator('.state-suspended').first().waitFor();

  const business = await openPage(browser, { width: 375 });
  await signIn(business, 'muhuguan.owner');
  const card = business.locator('.cards li', { hasText: '秦岭云居' });
  await card.locator('.deadline').waitFor();
  const [y, m, d] = deadline.split('-').map(Number);
  assert.match(await card.textContent(), new RegExp(`${y}年${m}月${d}日`));
  await screenshot(business, 'business-home-375');
  await card.getByRole('link').click();
  assert.match(await business.textContent('.rectification'), /消防通道堆放杂物/);
  await business.getByLabel('申诉理由').fill('灭火器已于检查次日更换，附购买凭证，请求撤销暂停');
  await confirm(business, '提出申诉');
  await business.getByText('提出申诉：灭火器已于检查次日更换').waitFor();

  const city = await openPage(browser, { width: 1280 });
  await signIn(city, 'admin');
  await city.getByRole('link', { name: /待处理的申诉/ }).click();
  const appeal = city.locator('.list > li', { hasText: '秦岭云居' });
  await appeal.getByLabel('处理意见').fill('经核实整改已完成，撤销暂停');
  await screenshot(city, 'office-appeals-1280');
  await appeal.getByRole('button', { name: '申诉成立', exact: true }).click();
  await appeal.locator('[role=alertdialog] button.primary').click();
  // Decided, it leaves the list of open appeals.
  await city.locator('.list > li', { hasText: '秦岭云居' }).waitFor({ state: 'detached' });
  const admin = await api('admin');
  const entries = (await admin.get(`/api/v1/entries?q=${encodeURIComponent('秦岭云居')}`)).json.entries;
  assert.equal(entries[0].certificate.status, 'active');
  for (const page of [office, business, city]) {
    assertClean(page);
    await page.context().close();
  }
});

test('a county office sees only its county, in the UI and from the API', async () => {
  const admin = await api('admin');
  const password = 'luonan office passphrase';
  assert.equal((await admin.post('/api/v1/users', { username: 'luonan.office', display_name: '洛南县专班',
    role: 'county_admin', county: 'luonan', password })).status, 201);
  const page = await openPage(browser, { width: 1280 });
  await signIn(page, 'luonan.office', password);
  await page.goto(`${base}/admin/#/entries`);
  await page.locator('.cards li').first().waitFor();
  const counties = await page.$$eval('.cards .meta', (nodes) => nodes.map((n) => n.textContent));
  assert.ok(counties.length > 0);
  for (const county of counties) assert.match(county, /洛南县/);
  assert.equal(await page.getByText('牧护关秦岭山居').count(), 0);
  await page.goto(`${base}/admin/#/entries/1`);
  await page.locator('.message.error').waitFor();
  assert.match(await page.textContent('.message.error'), /无权/);
  const luonan = await apiAs(base, 'luonan.office', password);
  assert.equal((await luonan.get('/api/v1/entries/1')).status, 403);
  assert.equal((await luonan.get('/api/v1/entries?county=shangzhou')).status, 403);
  assertClean(page, [/status of 403/]);
  await page.context().close();
});

test('removal from the list in the UI shows REMOVED with its date on the tourist page', async () => {
  const page = await openPage(browser, { width: 1280 });
  await signIn(page, 'admin');
  await page.goto(`${base}/admin/#/entries?q=${encodeURIComponent('棣花古镇驿站')}`);
  await page.getByRole('link', { name: /棣花古镇驿站/ }).click();
  await page.getByLabel('摘牌原因').selectOption('serious_incident');
  await page.getByLabel('说明').fill('发生食物中毒事件');
  await page.getByLabel('生效日期').fill(today());
  await page.getByRole('button', { name: '摘牌', exact: true }).click();
  assert.match(await page.textContent('[role=alertdialog]'), /将从 .* 起显示“已摘牌”/);
  await screenshot(page, 'office-revoke-1280');
  await page.locator('[role=alertdialog] button.danger').click();
  await page.locator('.state-revoked').first().waitFor();
  await page.getByRole('link', { name: /查看公开验证页面/ }).click();
  await page.locator('.verdict h1').waitFor();
  assert.match(await page.textContent('.verdict h1'), /已摘牌/);
  const [year, month, day] = today().split('-').map(Number);
  assert.match(await page.textContent('.verdict'), new RegExp(`${year}年${month}月${day}日 摘牌`));
  assert.match(await page.textContent('.verdict'), /原因：发生重大安全或质量事件/);
  assertClean(page);
  await page.context().close();
});

/** Texts of the interface's own words on the page: navigation, headings, labels, buttons. */
const chrome = (page) => page.$$eval(
  'nav a, footer, h2, label, legend, button:not(.language), dt, .tabs a, .total, .hint',
  (nodes) => nodes.map((node) => node.textContent.trim()).filter(Boolean));

async function assertEnglish(page, where) {
  for (const text of await chrome(page))
    assert.doesNotMatch(text, /[\u4e00-\u9fff]/, `${where}: "${text}" is not in English`);
}

test('every screen used above speaks English after the switch', async () => {
  const page = await openPage(browser, { width: 1280 });
  await page.goto(`${base}/admin/`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Three Upgrades · Workspace' }).waitFor();
  await assertEnglish(page, 'sign-in');
  await signIn(page, 'admin');
  const screens = [
    ['#/', /What needs doing now/], ['#/entries', /Register an entry/], ['#/entries/1', /History/],
    ['#/inspections', /Overdue only/], ['#/inspections/4', /Scores/], ['#/complaints', /Complaints/],
    ['#/appeals', /Appeals/], ['#/users', /New account/],
    ['#/standards/homestay', /What each grade requires[\s\S]*Every section at least 80.0%/], ['#/password', /Current password/],
  ];
  for (const [hash, expected] of screens) {
    await page.goto(`${base}/admin/${hash}`);
    await page.locator('main h1').waitFor();
    assert.match(await page.textContent('main'), expected, hash);
    await assertEnglish(page, hash);
  }
  await screenshot(page, 'office-entry-en-1280');

  const inspector = await openPage(browser, { width: 375 });
  await inspector.goto(`${base}/admin/`);
  await inspector.getByRole('button', { name: 'English' }).click();
  await inspector.getByRole('heading', { name: 'Three Upgrades · Workspace' }).waitFor();
  await signIn(inspector, 'inspector.wang');
  await inspector.getByRole('heading', { name: 'My inspections' }).waitFor();
  await assertEnglish(inspector, 'inspector home');

  const business = await openPage(browser, { width: 375 });
  await business.goto(`${base}/admin/`);
  await business.getByRole('button', { name: 'English' }).click();
  await business.getByRole('heading', { name: 'Three Upgrades · Workspace' }).waitFor();
  await signIn(business, 'muhuguan.owner');
  await business.getByRole('heading', { name: 'My entries' }).waitFor();
  await assertEnglish(business, 'business home');
  await business.getByRole('link', { name: /Qinling Cloud Lodge/ }).click();
  await business.getByRole('heading', { name: 'What you can do' }).waitFor();
  await assertEnglish(business, 'business entry');
  await screenshot(business, 'business-entry-en-375');
  for (const each of [page, inspector, business]) {
    assertClean(each);
    await each.context().close();
  }
});

test('key screens fit a phone and a desktop without scrolling sideways', async () => {
  const screens = [
    ['shangzhou.office', ['#/', '#/entries', '#/entries/1', '#/inspections', '#/complaints', '#/users',
                          '#/standards/homestay']],
    ['inspector.wang', ['#/', '#/inspections']],
    ['muhuguan.owner', ['#/', '#/entries/1']],
  ];
  for (const width of [375, 1280]) {
    for (const [username, hashes] of screens) {
      const page = await openPage(browser, { width });
      await signIn(page, username);
      for (const hash of hashes) {
        await page.goto(`${base}/admin/${hash}`);
        await page.locator('main h1').waitFor();
        const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        assert.ok(fits, `${username} ${hash} at ${width} px scrolls sideways`);
        await screenshot(page, `${username}-${hash.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${width}`);
      }
      assertClean(page);
      await page.context().close();
    }
  }
});

test('signing in and moving around work from the keyboard, with the focus always visible', async () => {
  const page = await openPage(browser, { width: 1280 });
  await page.goto(`${base}/admin/`);
  await page.getByLabel('用户名').waitFor();
  const focused = () => page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return { tag: element.tagName, name: element.getAttribute('name') ?? element.textContent.trim(),
             outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  let field;
  for (let i = 0; i < 5 && (field = await focused()).name !== 'username'; ++i) await page.keyboard.press('Tab');
  assert.equal(field.name, 'username', 'the username field is reached by Tab');
  assert.notEqual(field.outline, 'none');
  assert.ok(field.width >= 2, 'a visible focus ring');
  await page.keyboard.type('shangzhou.office');
  await page.keyboard.press('Tab');
  assert.equal((await focused()).name, 'password');
  await page.keyboard.type(demo.logins['shangzhou.office']);
  await page.keyboard.press('Enter');
  await page.locator('nav.main').waitFor();
  await page.locator('.counts a').first().waitFor();
  let count;
  for (let i = 0; i < 30 && ((count = await focused()).tag !== 'A' || !count.name.includes('待确认的评定结果')); ++i)
    await page.keyboard.press('Tab');
  assert.match(count.name, /待确认的评定结果/, 'the home counts are reached by Tab');
  assert.notEqual(count.outline, 'none');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/inspections\?status=submitted/);
  assertClean(page);
  await page.context().close();
});
