// What the browser tests share: a real `tisheng serve --demo` on an ephemeral port with a fresh
// data directory, Debian's Chromium driven by playwright-core, API calls as a signed-in user,
// and screenshots under build/test-artifacts/.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from 'playwright-core';

export const binary = process.env.TISHENG_BINARY ?? 'build/server/tisheng';
export const artifacts = process.env.TISHENG_ARTIFACTS ?? 'build/test-artifacts';

/** Starts the server with demo data; resolves to {base, logins, plaques, dataDir, stop()}. */
export async function startDemoServer() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tisheng-browser-'));
  const env = { ...process.env, TISHENG_SERVER_PORT: '0', TISHENG_STORAGE_DATA_DIR: dataDir,
                TISHENG_SECURITY_PASSWORD_COST: '10',
                // Several people's browsers share 127.0.0.1 here; each opens up to 6 connections.
                TISHENG_SERVER_MAX_CONNECTIONS_PER_ADDRESS: '0' };
  const server = spawn(binary, ['serve', '--demo'], { env, stdio: ['ignore', 'pipe', process.env.TISHENG_BROWSER_DEBUG ? 'inherit' : 'ignore'] });
  const logins = {};
  const plaques = {};
  let base;
  for await (const line of readline.createInterface({ input: server.stdout })) {
    const url = line.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
    if (url) base = url[1];
    const login = line.match(/^ {2}\w+: (\S+) \/ (\S+)$/);
    if (login) logins[login[1]] = login[2];
    const plaque = line.match(/^ {2}(\w+) \/ .*(\/c\/[A-Z2-7]+)$/);
    if (plaque) plaques[plaque[1]] = plaque[2];
    if (line.includes('signed by the retired key')) break;
  }
  assert.ok(base, 'the server printed its URL');
  return {
    base, logins, plaques, dataDir, env,
    /** Runs `tisheng ARGS` on the same data directory (e.g. tick --at DATE). */
    run: (args) => execFileSync(binary, args, { env, encoding: 'utf8' }),
    stop() {
      server.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page in a new context (375 px phone or 1280 px desktop); console errors, page errors and
 * CSP violations land in page.problems, every console message in page.messages.
 */
export async function openPage(browser, { width = 375, locale = 'zh-CN', javaScriptEnabled = true } = {}) {
  const phone = width < 600;
  const context = await browser.newContext({
    locale, javaScriptEnabled, viewport: { width, height: phone ? 812 : 900 }, isMobile: phone,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.messages = [];
  page.problems = [];
  page.on('console', (message) => {
    page.messages.push(message.text());
    if (message.type() === 'error' || message.text().includes('Content Security Policy'))
      page.problems.push(message.text());
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  if (process.env.TISHENG_BROWSER_DEBUG) {
    page.on('requestfailed', (request) => console.log('FAILED', request.url(), request.failure()?.errorText));
    page.on('response', (response) => response.status() >= 400 && console.log('STATUS', response.status(), response.url()));
  }
  return page;
}

/** A session for API calls: {get, post, put, patch} with a bearer token. */
export async function apiAs(base, username, password) {
  const login = await fetch(`${base}/api/v1/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }) });
  assert.equal(login.status, 200, `${username} signs in`);
  const { token } = await login.json();
  const call = async (method, target, body) => {
    const reply = await fetch(`${base}${target}`, {
      method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await reply.text();
    return { status: reply.status, json: text ? JSON.parse(text) : null };
  };
  return {
    get: (target) => call('GET', target),
    post: (target, body = {}) => call('POST', target, body),
    put: (target, body) => call('PUT', target, body),
    patch: (target, body) => call('PATCH', target, body),
  };
}

export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/** Signs in through the admin UI's form and waits for the navigation. */
export async function signIn(page, base, username, password) {
  await page.goto(`${base}/admin/`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('nav.main').waitFor();
}
