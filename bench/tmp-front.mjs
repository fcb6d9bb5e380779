// First load of the inspector's sheet on a phone: what is transferred, and how long until the
// sheet and its grade preview are on screen, in Debian's Chromium with the network throttled
// to DevTools' 3G profiles. A fresh browser context each run: no HTTP cache, no service worker.
// usage: node bench/admin-ui-load.mjs [RUNS]   (from the repository root, after make)
import { startDemoServer, launchChromium } from '/work/main/tests/browser/support.mjs';
import { spawn } from 'node:child_process';

const runs = Number(process.argv[2] ?? 3);
const profiles = {
  // Chrome DevTools presets: latency in ms, throughput in bytes per second.
  'Fast 3G': { latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 },
  'Slow 3G': { latency: 2000, downloadThroughput: (500 * 1024 * 0.8) / 8, uploadThroughput: (500 * 1024 * 0.8) / 8 },
};

const demo = await startDemoServer();
const browser = await launchChromium();
const login = await fetch(`${demo.base}/api/v1/login`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'inspector.wang', password: demo.logins['inspector.wang'] }) });
const { token, user } = await login.json();
const worklist = await fetch(`${demo.base}/api/v1/worklist`, { headers: { Authorization: `Bearer ${token}` } })
  .then((r) => r.json());
const appPort = demo.base.split(':').pop();
spawn('/tmp/front.sh', ['18443', appPort, '/tmp/frontwork', '18080'], { stdio: 'inherit' });
await new Promise((r) => setTimeout(r, 1500));
const front = 'https://127.0.0.1:18443';
const sheet = `${front}/admin/#/inspections/${worklist.assigned[0].id}`;

async function once(profile) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true,
                                             serviceWorkers: 'block', ignoreHTTPSErrors: true });
  await context.addCookies([{ name: 'tisheng_session', value: token, url: front }]);
  await context.addInitScript((signedIn) => localStorage.setItem('tisheng.user', signedIn), JSON.stringify(user));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; requests += 1; });
  const started = Date.now();
  await page.goto(sheet);
  await page.locator('.sheet').waitFor({ timeout: 60000 });
  const sheetShown = Date.now() - started;
  await page.locator('.preview [data-grade]').waitFor({ timeout: 60000 });
  const previewShown = Date.now() - started;
  await context.close();
  return { bytes, requests, sheetShown, previewShown };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('| profile | transferred | requests | sheet on screen | with grade preview |');
console.log('|---|---|---|---|---|');
for (const [name, profile] of Object.entries(profiles)) {
  const results = [];
  for (let i = 0; i < runs; ++i) results.push(await once(profile));
  console.log(`| ${name} | ${(median(results.map((r) => r.bytes)) / 1024).toFixed(1)} KB | ` +
    `${median(results.map((r) => r.requests))} | ${(median(results.map((r) => r.sheetShown)) / 1000).toFixed(2)} s | ` +
    `${(median(results.map((r) => r.previewShown)) / 1000).toFixed(2)} s |`);
}
await browser.close();
demo.stop(); process.exit(0);
