// First load of the inspector's sheet on a phone: what is transferred, and how long until the
// sheet and its grade preview are on screen, in Debian's Chromium with the network throttled
// to DevTools' 3G profiles. A fresh browser context each run: no HTTP cache, no service worker.
// Measured twice: from `tisheng serve` directly (HTTP/1.1) and through the shipped nginx front
// (scripts/nginx-front.sh: HTTP/2 over TLS), as in production.
// usage: node bench/admin-ui-load.mjs [RUNS]   (from the repository root, after make)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDemoServer, launchChromium } from '../tests/browser/support.mjs';

const runs = Number(process.argv[2] ?? 3);
const profiles = {
  // Chrome DevTools presets: latency in ms, throughput in bytes per second.
  'Fast 3G': { latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
               uploadThroughput: (750 * 1024 * 0.9) / 8 },
  'Slow 3G': { latency: 2000, downloadThroughput: (500 * 1024 * 0.8) / 8,
               uploadThroughput: (500 * 1024 * 0.8) / 8 },
};

const freePort = () => new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

const demo = await startDemoServer();
const work = mkdtempSync(path.join(tmpdir(), 'tisheng-front-'));
const [http, https] = [await freePort(), await freePort()];
const front = spawn('scripts/nginx-front.sh', [work, new URL(demo.base).port, String(http), String(https)],
  { stdio: 'ignore' });
const frontBase = `https://127.0.0.1:${https}`;
const listening = (port) => new Promise((resolve) => {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('connect', () => resolve(socket.destroy() && true));
  socket.on('error', () => resolve(false));
});
for (let i = 0; i < 100 && !(await listening(https)); ++i)
  await new Promise((resolve) => setTimeout(resolve, 100));

const browser = await launchChromium();
const login = await fetch(`${demo.base}/api/v1/login`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'inspector.wang', password: demo.logins['inspector.wang'] }) });
const { token, user } = await login.json();
const worklist = await fetch(`${demo.base}/api/v1/worklist`, { headers: { Authorization: `Bearer ${token}` } })
  .then((r) => r.json());
const sheetPath = `/admin/#/inspections/${worklist.assigned[0].id}`;

async function once(base, profile) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true,
                                             serviceWorkers: 'block', ignoreHTTPSErrors: true });
  await context.addCookies([{ name: 'tisheng_session', value: token, url: base }]);
  await context.addInitScript((signedIn) => localStorage.setItem('tisheng.user', signedIn), JSON.stringify(user));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; requests += 1; });
  const started = Date.now();
  await page.goto(base + sheetPath);
  await page.locator('.sheet').waitFor({ timeout: 60000 });
  const sheetShown = Date.now() - started;
  await page.locator('.preview [data-grade]').waitFor({ timeout: 60000 });
  const previewShown = Date.now() - started;
  await context.close();
  return { bytes, requests, sheetShown, previewShown };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`median of ${runs} runs each`);
console.log('| served by | profile | transferred | requests | sheet on screen | with grade preview |');
console.log('|---|---|---|---|---|---|');
for (const [served, base] of [['tisheng (HTTP/1.1)', demo.base], ['nginx front (HTTP/2, TLS)', frontBase]])
  for (const [name, profile] of Object.entries(profiles)) {
    const results = [];
    for (let i = 0; i < runs; ++i) results.push(await once(base, profile));
    const seconds = (key) => (median(results.map((r) => r[key])) / 1000).toFixed(2);
    console.log(`| ${served} | ${name} | ${(median(results.map((r) => r.bytes)) / 1024).toFixed(1)} KB | ` +
      `${median(results.map((r) => r.requests))} | ${seconds('sheetShown')} s | ${seconds('previewShown')} s |`);
  }
await browser.close();
front.kill('SIGTERM');
demo.stop();
rmSync(work, { recursive: true, force: true });
