// The reports screen in real headless Chromium: the city office picks a period and a county,
// sees the figures and the ranking's chart, sets a target and sees the progress move, and
// downloads the bulletin; a county office sees its own county only. No console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, launchChromium, openPage, apiAs, screenshot, signIn as signInAs } from './support.mjs';

let demo, base, browser;

before(async () => {
  demo = await startDemoServer();
  base = demo.base;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  demo?.stop();
});

const signIn = (page, username, password = demo.logins[username]) =>
  signInAs(page, base, username, password);

const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());

test('the city office reads the figures, sets a target and downloads the bulletin', async () => {
  const page = await openPage(browser, { width: 1280 });
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '统计报表' }).click();
  await page.locator('.report').waitFor();
  const admin = await apiAs(base, 'admin', demo.logins.admin);
  const counties = (await admin.get('/api/v1/counties')).json.counties;

  // The year: the figures on screen are the API's.
  await page.getByLabel('期间类型').selectOption('year');
  await page.locator('h2.period', { hasText: `${year}年度` }).waitFor();
  const report = (await admin.get(`/api/v1/reports?period=${year}`)).json;
  assert.equal(await page.textContent('[data-figure="reports.certified"] strong'), String(report.certified.total));
  assert.equal(await page.textContent('[data-figure="reports.newlyCertified"] strong'),
    String(report.flows.total.newly_certified));
  assert.equal(await page.locator('.chart rect').count(), counties.length, 'one bar per county');
  assert.equal(await page.locator('table.ranking tbody tr').count(), counties.length);
  await screenshot(page, 'reports-year-1280');

  // A target for 商南县's homestays: its progress follows.
  const shangnan = counties.find((c) => c.code === 'shangnan');
  const certified = report.certified.rows.filter((r) => r.county === 'shangnan' && r.category === 'homestay')
    .reduce((sum, r) => sum + r.count, 0);
  const cell = page.getByLabel(`${shangnan.name.zh} 特色民宿`);
  await cell.fill('20');
  await page.getByRole('button', { name: '保存目标' }).click();
  await page.getByText('目标已保存。').waitFor();
  const targets = (await admin.get(`/api/v1/targets/${year}`)).json;
  assert.ok(targets.targets.some((t) => t.county === 'shangnan' && t.category === 'homestay' && t.target === 20));
  const after = (await admin.get(`/api/v1/reports?period=${year}`)).json;
  const row = after.targets.find((t) => t.county === 'shangnan' && t.category === 'homestay');
  assert.equal(row.certified, certified);
  const rank = after.ranking.find((k) => k.county === 'shangnan');
  await page.locator('table.ranking tbody tr', { hasText: shangnan.name.zh })
    .locator('td', { hasText: `${(rank.progress * 100).toFixed(1)}%` }).waitFor();

  // One county: only its figures.
  await page.getByLabel('县区').selectOption('shangnan');
  await page.locator('table.ranking tbody tr').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('table.ranking tbody tr').length === 1);
  assert.match(await page.textContent('table.ranking tbody'), /商南县/);

  // The downloads are the bulletin and the figures, in the session's scope.
  const pdfHref = await page.getByRole('link', { name: '下载通报（PDF）' }).getAttribute('href');
  assert.match(pdfHref, /format=pdf/);
  assert.match(pdfHref, /county=shangnan/);
  const pdf = await page.request.get(`${base}${pdfHref}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-');
  const csv = await page.request.get(`${base}${await page.getByRole('link', { name: '下载数据（CSV）' }).getAttribute('href')}`);
  assert.match(await csv.text(), /family,measure,county,category,grade,kind,value/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a county office reports on its own county only, in English too', async () => {
  const page = await openPage(browser, { width: 375 });
  await signIn(page, 'shangzhou.office');
  await page.goto(`${base}/admin/#/reports`);
  await page.locator('.report').waitFor();
  assert.equal(await page.getByLabel('县区').count(), 0, 'no county picker');
  assert.equal(await page.locator('form.targets').count(), 0, 'targets are the city office\'s');
  assert.equal(await page.locator('table.ranking tbody tr').count(), 1);
  assert.match(await page.textContent('table.ranking tbody'), /商州区/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling on a phone (${width})`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Reports (monthly, quarterly, yearly)' }).waitFor();
  await page.getByText('Counties ranked').waitFor();
  await screenshot(page, 'reports-county-375-en');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
