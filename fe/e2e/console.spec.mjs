// End-to-end test of both consoles in a real browser against a real gatewayd.
//
// Starts gatewayd on 127.0.0.1 (free port) with a fresh SQLite ledger and the built bundles, creates an admin key
// with the `gateway` CLI, then drives Debian's Chromium through playwright-core: sign in, create a user and a key,
// send a playground message and find it in the ledger, revoke the key, open the marketplace and the configuration.
// The same flow runs on /h5/ in a 390x844 touch viewport. Any page error, console error, failed request or HTTP
// error response fails the run. Screenshots of every main screen land in E2E_OUTPUT_DIR.
//
// Environment:
//   GATEWAY_CLASSPATH  classpath of gateway-app (its jar and dependencies), required
//   GATEWAY_FRONTEND_DIR  directory holding web/ and h5/ (default: fe/dist, i.e. `npm run build && npm run build:h5`)
//   GATEWAY_CONFIG_DIR  config directory (default: the repository's config/)
//   E2E_OUTPUT_DIR     screenshots and gatewayd's log (default: fe/target/e2e)
//   CHROMIUM           browser executable (default: /usr/bin/chromium; `apt-get install -y chromium`)
//   JAVA               java executable (default: java on PATH)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const feDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(feDir, '..');
const classpath = process.env.GATEWAY_CLASSPATH;
const frontendDir = resolve(process.env.GATEWAY_FRONTEND_DIR ?? join(feDir, 'dist'));
const configDir = resolve(process.env.GATEWAY_CONFIG_DIR ?? join(repoRoot, 'config'));
const outputDir = resolve(process.env.E2E_OUTPUT_DIR ?? join(feDir, 'target', 'e2e'));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const java = process.env.JAVA ?? 'java';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

if (!classpath) fail('GATEWAY_CLASSPATH is not set: point it at gateway-app\'s jar and dependencies');
for (const target of ['web', 'h5']) {
  if (!existsSync(join(frontendDir, target, 'index.html'))) {
    fail(`no ${target} bundle in ${frontendDir}: run npm run build && npm run build:h5 (or set GATEWAY_FRONTEND_DIR)`);
  }
}
if (!existsSync(chromiumPath)) fail(`no browser at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM)`);

mkdirSync(outputDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'gateway-e2e-'));
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const gatewayEnv = {
  ...process.env,
  TOKLIGENCE_CONFIG_DIR: configDir,
  TOKLIGENCE_LEDGER_PATH: join(work, 'ledger.db'),
  TOKLIGENCE_IDENTITY_PATH: join(work, 'identity.db'),
  TOKLIGENCE_LISTEN: `127.0.0.1:${port}`,
  TOKLIGENCE_FRONTEND_DIR: frontendDir,
  TOKLIGENCE_BASE_URL: '', // blank counts as unset: config/ leaves base_url empty, so the local catalogue shows
  TOKLIGENCE_AUTH_DISABLED: 'false',
};

delete gatewayEnv.TOKEN_EXCHANGE_BASE_URL; // an exchange from the caller's shell would make the marketplace depend on it

const adminKey = gatewayCli(['key', 'create', '--user', 'admin@localhost', '--quiet']);
if (!/^tok_[A-Za-z0-9_-]{43}$/.test(adminKey)) fail(`gateway key create printed no token: ${adminKey}`);

const daemon = await startDaemon();
const problems = [];
let browser;
try {
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  await runFlow('web', { viewport: { width: 1280, height: 860 } });
  await runFlow('h5', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await checkUnreachableBanner();
  if (problems.length > 0) throw new Error(`the browser reported problems:\n  ${problems.join('\n  ')}`);
  console.log(`e2e: web and h5 consoles passed against ${baseUrl}; screenshots in ${outputDir}`);
} catch (e) {
  console.error(`e2e: FAILED: ${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  const exit = await stopDaemon(daemon);
  writeFileSync(join(outputDir, 'gatewayd.log'), daemon.output.join(''));
  if (exit !== 0) {
    console.error(`e2e: gatewayd exited with ${exit} on SIGTERM (expected 0); its log is in ${outputDir}/gatewayd.log`);
    process.exitCode = 1;
  }
  rmSync(work, { recursive: true, force: true });
}

async function runFlow(target, contextOptions) {
  const context = await browser.newContext({ ...contextOptions, baseURL: baseUrl });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  watch(page, target);
  const consolePath = target === 'h5' ? '/h5/' : '/';
  // H5 shots show the phone's screen (a full-page shot would paint the fixed bottom navigation mid-page).
  const shot = (name) => page.screenshot({ path: join(outputDir, `${target}-${name}.png`), fullPage: target === 'web' });
  const press = (locator) => (target === 'h5' ? locator.tap() : locator.click());
  const nav = (name) => press(page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true }));

  // Sign in.
  await page.goto(consolePath);
  await page.getByRole('heading', { name: 'Tokligence Gateway' }).waitFor();
  await expectText(page.getByTestId('health'), 'ok');
  await shot('signin');
  await page.getByLabel('API key').fill(adminKey);
  await press(page.getByRole('button', { name: 'Sign in' }));
  await expectText(page.locator('.topbar'), 'Sign out');
  await expectText(page.getByTestId('health'), '0.1.0-SNAPSHOT');
  if ((await page.evaluate(() => sessionStorage.length)) !== 1) throw new Error(`${target}: the key is not in sessionStorage`);
  if (target === 'h5') await checkMobileLayout(page);
  await shot('overview');

  // A user and a key, shown once, copied with the button.
  const email = `e2e-${target}@example.com`;
  await nav('Users');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Display name').fill(`E2E ${target}`);
  await press(page.getByRole('button', { name: 'Create user' }));
  await page.getByRole('heading', { name: `API keys of ${email}` }).waitFor();
  await press(page.getByRole('button', { name: 'Create key' }));
  const tokenField = page.getByLabel('New API key');
  await tokenField.waitFor();
  const token = await tokenField.inputValue();
  if (!token.startsWith('tok_')) throw new Error(`${target}: the new key field holds "${token}"`);
  await press(page.getByRole('button', { name: 'Copy' }));
  await expectText(page.locator('.issued'), 'Copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  if (copied !== token) throw new Error(`${target}: the clipboard holds "${copied}", not the new key`);
  if ((await api('/api/v1/profile', token)).status !== 200) throw new Error(`${target}: the new key is not accepted`);
  await shot('users');
  await press(page.getByRole('button', { name: 'Done' }));

  // A streamed playground answer from the loopback model, then its row in the ledger.
  const words = `hello from the ${target} console`;
  await nav('Playground');
  await page.getByLabel('Model').selectOption('loopback');
  await page.getByLabel('Message').fill(words);
  await press(page.getByRole('button', { name: 'Send' }));
  await expectText(page.getByLabel('Answer'), `echo: ${words}`);
  await expectText(page.getByTestId('usage'), '5 prompt + 6 completion = 11 tokens');
  await shot('playground');

  await nav('Usage');
  const recent = page.getByRole('table', { name: 'Recent requests' });
  const row = recent.getByRole('row').filter({ hasText: 'loopback' }).first();
  await expectText(row, 'admin@localhost');
  const cells = await row.getByRole('cell').allInnerTexts();
  if (!cells.some((c) => c.includes('5')) || !cells.some((c) => c.includes('6'))) {
    throw new Error(`${target}: the ledger row does not show 5 prompt and 6 completion tokens: ${cells.join(' | ')}`);
  }
  await expectText(page.getByRole('table', { name: 'Usage by user and model' }), 'loopback');
  await shot('usage');

  // Revoke the key: the console shows it revoked and the gateway refuses it.
  await nav('Users');
  await press(page.getByRole('button', { name: new RegExp(email) }));
  await press(page.getByRole('button', { name: `Revoke ${token.slice(0, 12)}` }));
  await expectText(page.getByRole('table', { name: 'API keys' }), 'revoked');
  if ((await api('/api/v1/profile', token)).status !== 401) throw new Error(`${target}: the revoked key still works`);

  await nav('Market');
  await expectText(page.locator('.offerings'), '/ 1K tokens');
  await shot('marketplace');

  await nav('Config');
  await expectText(page.getByRole('table', { name: 'Configuration' }), 'ledger_path');
  await shot('config');
  await context.close();
  console.log(`e2e: ${target} console passed`);
}

// Last, because it stops gatewayd: a signed-in console whose gateway goes away says so in a banner.
async function checkUnreachableBanner() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: baseUrl });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`unreachable: page error: ${e.message}`));
  await page.goto('/');
  await page.getByLabel('API key').fill(adminKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectText(page.getByTestId('health'), '0.1.0-SNAPSHOT');
  const exit = await stopDaemon(daemon);
  if (exit !== 0) throw new Error(`gatewayd exited with ${exit} on SIGTERM (expected 0)`);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expectText(page.getByRole('alert').first(), `Cannot reach the gateway at ${baseUrl}. Is gatewayd running?`);
  const banner = await page.locator('.banner').boundingBox();
  if (!banner || banner.y !== 0 || banner.width !== 1280) throw new Error(`the banner is not across the top: ${JSON.stringify(banner)}`);
  await page.screenshot({ path: join(outputDir, 'web-unreachable.png'), fullPage: true });
  await context.close();
  console.log('e2e: unreachable-gateway banner passed');
}

async function checkMobileLayout(page) {
  const nav = await page.getByRole('navigation', { name: 'Screens' }).boundingBox();
  if (!nav || Math.round(nav.y + nav.height) !== 844 || nav.width !== 390) {
    throw new Error(`h5: navigation is not along the bottom of the 390x844 screen: ${JSON.stringify(nav)}`);
  }
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, a, input, select, textarea')]
      .map((e) => ({ text: e.textContent?.trim() || e.getAttribute('aria-label') || e.tagName, h: e.getBoundingClientRect().height }))
      .filter((e) => e.h > 0 && e.h < 44),
  );
  if (small.length > 0) throw new Error(`h5: controls below 44px: ${JSON.stringify(small)}`);
  const viewport = await page.locator('meta[name=viewport]').getAttribute('content');
  if (!viewport?.includes('width=device-width')) throw new Error(`h5: viewport meta is "${viewport}"`);
}

function watch(page, target) {
  page.on('pageerror', (e) => problems.push(`${target}: page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`${target}: console error: ${m.text()}`));
  page.on('requestfailed', (r) => problems.push(`${target}: request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${target}: HTTP ${r.status()} for ${r.request().method()} ${r.url()}`));
}

async function expectText(locator, text, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let seen = '';
  while (Date.now() < deadline) {
    seen = (await locator.count()) > 0 ? await locator.first().innerText() : '';
    if (seen.includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected "${text}" in ${locator}, saw "${seen.slice(0, 300)}"`);
}

async function api(path, key) {
  return fetch(baseUrl + path, { headers: { Authorization: `Bearer ${key}` } });
}

function gatewayCli(args) {
  const result = spawnSync(java, ['-cp', classpath, 'io.tokligence.gateway.cli.GatewayCli', ...args], {
    env: gatewayEnv, encoding: 'utf8',
  });
  if (result.status !== 0) fail(`gateway ${args.join(' ')} exited ${result.status}: ${result.stderr}${result.stdout}`);
  return result.stdout.trim();
}

function startDaemon() {
  const child = spawn(java, ['-cp', classpath, 'io.tokligence.gateway.daemon.GatewayDaemon'], {
    env: gatewayEnv, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  return new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => rejectStart(new Error(`gatewayd did not report listening in 30 s:\n${output.join('')}`)), 30_000);
    const onData = (chunk) => {
      output.push(chunk.toString());
      if (output.join('').includes(`gatewayd listening on ${baseUrl}`)) {
        clearTimeout(timer);
        resolveStart({ child, output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rejectStart(new Error(`gatewayd exited with ${code} before listening:\n${output.join('')}`));
    });
  }).catch((e) => fail(e.message));
}

function stopDaemon(running) {
  running.stopped ??= new Promise((resolveStop) => {
    const { child } = running;
    if (child.exitCode !== null) return resolveStop(child.exitCode);
    child.once('exit', (code) => resolveStop(code));
    child.kill('SIGTERM');
  });
  return running.stopped;
}

function freePort() {
  return new Promise((resolvePort, rejectPort) => {
    const server = createServer();
    server.once('error', rejectPort);
    server.listen(0, '127.0.0.1', () => {
      const { port: chosen } = server.address();
      server.close(() => resolvePort(chosen));
    });
  });
}
