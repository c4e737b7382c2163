// End-to-end tests of the kestrel dashboard in a real browser: Debian's chromium driven by
// playwright-core, against `kestrel serve` on a store built from the team-written articles in
// fixtures/. Every page is checked, watched for console errors, page errors and dialogs, and
// screenshotted into target/e2e-screenshots/.
//
// Run from the repository root after `cargo build -p kestrel-cli`:
//   (cd e2e && npm ci) && node --test e2e/dashboard.test.mjs
// Environment: KESTREL_BIN (default target/debug/kestrel), CHROMIUM (default /usr/bin/chromium).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(E2E_DIR, '..');
const KESTREL = path.resolve(REPO, process.env.KESTREL_BIN ?? 'target/debug/kestrel');
const FIXTURES = path.join(E2E_DIR, 'fixtures');
const SCREENSHOTS = path.join(REPO, 'target', 'e2e-screenshots');
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 375, height: 812 };
const TEST_TIMEOUT_MS = 90_000;

// Chromium logs every 4xx fetch as a console error; tests that provoke one allow exactly it.
const BAD_REQUEST_LOG = /status of 400/;
const NOT_FOUND_LOG = /status of 404/;

let workDir;
let server;
let serverOutput = '';
let base;
let browser;

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  workDir = mkdtempSync(path.join(tmpdir(), 'kestrel-e2e-'));
  const db = path.join(workDir, 'e2e.db');
  execFileSync(KESTREL, ['ingest', '--quiet', '--db', db, FIXTURES], { stdio: ['ignore', 'inherit', 'inherit'] });
  base = await startServer(db);
  await waitForHealth();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await stopServer();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// Neither a crash nor an interrupted run (Ctrl-C, a CI timeout) may leave the server running.
process.on('exit', () => server?.kill('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    server?.kill('SIGKILL');
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    process.exit(1);
  });
}

/** Starts `kestrel serve` on a port the system picks; resolves to its base URL, read from the
 *  address it prints. */
function startServer(db) {
  server = spawn(KESTREL, ['serve', '--db', db, '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kestrel serve printed no address within 20 s:\n${serverOutput}`)), 20_000);
    const read = (chunk) => {
      serverOutput += chunk;
      const address = /127\.0\.0\.1:([1-9]\d*)/.exec(serverOutput);
      if (address) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${address[1]}`);
      }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`kestrel serve exited (${code ?? signal}):\n${serverOutput}`));
    });
  });
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function waitForHealth() {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const health = await (await fetch(`${base}/healthz`)).json();
      assert.equal(health.status, 'ok');
      assert.ok(health.events > 0, 'the fixture store has events');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`/healthz never answered: ${error.message}\n${serverOutput}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The API's answer, to hold the page against. */
async function api(apiPath, params = {}) {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(`${base}${apiPath}${query ? `?${query}` : ''}`);
  assert.equal(response.status, 200, `${apiPath}?${query}`);
  return response.json();
}

/** Opens `urlPath` in a fresh browser context and hands the page to `check`; then asserts that
 *  nothing went wrong in the page (console errors other than `allowConsole`, uncaught errors,
 *  dialogs) and closes it. */
async function visit(urlPath, { viewport = LAPTOP, allowConsole = [] } = {}, check) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowConsole.some((allowed) => allowed.test(message.text()))) {
      problems.push(`console error on ${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
  page.on('dialog', async (dialog) => {
    problems.push(`${dialog.type()} dialog on ${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  try {
    await page.goto(base + urlPath);
    await settled(page);
    await check(page);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

/** Waits until no section of the page is still loading and every chart is drawn (charts draw
 *  when their container gets its size, a frame after it is inserted). */
async function settled(page) {
  await page.waitForFunction(() =>
    document.querySelector('.view') !== null
    && ![...document.querySelectorAll('p.muted')].some((p) => p.textContent === 'Loading…')
    && [...document.querySelectorAll('.chart')].every((chart) => chart.querySelector('svg') !== null));
}

async function screenshot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function assertNoHorizontalOverflow(page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth} px wide in a ${clientWidth} px viewport`);
}

/** The Geneva meeting, which two outlets reported: the event with two articles. */
async function genevaMeeting() {
  const { events } = await api('/api/events', { text: 'envoy met Geneva' });
  const event = events.find((e) => e.num_articles === 2);
  assert.ok(event, 'the Geneva meeting is fused from two articles');
  return event;
}

test('the overview lists the most active dyads, the latest events and the quad-class mix', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { dyads } = await api('/api/dyads', { limit: 10 });
  const { periods } = await api('/api/timeline', { by: 'month' });
  await visit('/', {}, async (page) => {
    assert.equal(await page.locator('h1').textContent(), 'Overview');
    const dyadLinks = page.locator('.dyads li a');
    assert.equal(await dyadLinks.count(), dyads.length);
    assert.ok(dyads.length >= 3, 'fixtures cover several dyads');
    assert.equal(await dyadLinks.first().textContent(), `${dyads[0].source} → ${dyads[0].target}`);
    assert.equal(await dyadLinks.first().getAttribute('href'), `/dyad/${dyads[0].source}/${dyads[0].target}`);
    assert.ok(await page.locator('.actors li a').count() >= 3);

    const rows = page.locator('table.events tbody tr');
    assert.equal(await rows.count(), 20, 'the 20 latest events');
    const dates = await rows.locator('td:first-child').allTextContents();
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');

    const bars = page.locator('.timeline g.bar[data-period]');
    assert.ok(periods.length > 1);
    assert.equal(await bars.count(), periods.length);
    assert.deepEqual(await bars.evaluateAll((gs) => gs.map((g) => g.dataset.period)), periods.map((p) => p.period));
    await assertNoHorizontalOverflow(page);
    await screenshot(page, 'overview');
  });
});

test('the dyad page charts the timeline and pages through its events with the cursor', { timeout: TEST_TIMEOUT_MS }, async () => {
  const monthly = await api('/api/timeline', { dyad: 'USA:PRK', by: 'month' });
  const weekly = await api('/api/timeline', { dyad: 'USA:PRK', by: 'week' });
  const { events } = await api('/api/events', { dyad: 'USA:PRK', limit: 1000 });
  assert.ok(monthly.periods.length > 1 && events.length > 6, 'fixtures give USA → PRK several months and events');

  await visit('/dyad/USA/PRK?by=month&limit=3', {}, async (page) => {
    const bars = page.locator('.timeline g.bar[data-period]');
    const points = page.locator('.timeline circle.point[data-period]');
    assert.equal(await bars.count(), monthly.periods.length);
    assert.equal(await points.count(), monthly.periods.length);
    assert.deepEqual(await points.evaluateAll((cs) => cs.map((c) => c.dataset.period)), monthly.periods.map((p) => p.period));
    const tooltips = await bars.locator('title').allTextContents();
    assert.equal(tooltips.length, monthly.periods.length);
    assert.match(tooltips[0], /Jan 2024: 1 event .*Goldstein sum -2\.0/);
    assert.equal(await points.first().locator('title').count(), 1);
    const axisTitles = await page.locator('.timeline .axis-title').allTextContents();
    assert.deepEqual(axisTitles.sort(), ['Events', 'Goldstein sum', 'Month']);
    assert.equal(await page.locator('.timeline .legend li').count(), 5);

    const rows = page.locator('table.events tbody tr');
    assert.equal(await rows.count(), 3);
    const more = page.getByRole('button', { name: 'More' });
    while (await more.isVisible()) {
      const before = await rows.count();
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('table.events tbody tr').length > n
        || document.querySelector('button.more').hidden, before);
    }
    assert.equal(await rows.count(), events.length, 'the cursor reaches every event once');
    const links = await rows.locator('a.sentence-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, events.map((e) => `/event/${e.id}`));
    await screenshot(page, 'dyad');

    // The form writes the filters into the URL; the back button restores the previous view.
    await page.selectOption('#field-by', 'week');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/by=week/);
    await settled(page);
    assert.equal(await bars.count(), weekly.periods.length);
    assert.deepEqual(await page.locator('.timeline .axis-title').allTextContents().then((t) => t.sort()),
      ['Events', 'Goldstein sum', 'Week (from Monday)']);
    await page.goBack();
    await page.waitForURL(/by=month/);
    await settled(page);
    assert.equal(await bars.count(), monthly.periods.length);
  });
});

test('clicking an event row opens its evidence with highlighted source, target and trigger', { timeout: TEST_TIMEOUT_MS }, async () => {
  const geneva = await genevaMeeting();
  const { event, mentions } = await api(`/api/events/${geneva.id}`);
  assert.equal(mentions.length, 2);
  await visit('/dyad/USAGOV/PRKGOV', {}, async (page) => {
    await page.locator('table.events tbody tr', { hasText: 'Geneva' }).first().locator('td').first().click();
    await page.waitForURL(`**/event/${geneva.id}`);
    await settled(page);
    const evidence = page.locator('.evidence');
    assert.equal(await evidence.locator('mark.hl-source').textContent(), event.source.text);
    assert.equal(await evidence.locator('mark.hl-target').textContent(), event.target.text);
    assert.equal(await evidence.locator('mark.hl-trigger').textContent(), event.trigger.text);
    assert.equal(await evidence.textContent(), event.sentence_text);

    const details = await page.locator('dl.details').textContent();
    for (const expected of [event.modality, '040', 'Consult', event.date, 'Verbal cooperation']) {
      assert.ok(details.includes(expected), `details show ${expected}`);
    }
    const articles = page.locator('ol.mentions > li');
    assert.equal(await articles.count(), 2);
    for (const [i, mention] of mentions.entries()) {
      const article = articles.nth(i);
      const link = article.locator('h3 a');
      assert.equal(await link.textContent(), mention.title);
      assert.equal(await link.getAttribute('href'), mention.url);
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
      const meta = await article.locator('p.muted').textContent();
      assert.ok(meta.includes(mention.outlet) && meta.includes(mention.published), meta);
      assert.equal(await article.locator('mark.hl-trigger').textContent(), mention.record.trigger.text);
    }
    await screenshot(page, 'event');

    await page.goBack();
    await page.waitForURL('**/dyad/USAGOV/PRKGOV');
    await settled(page);
    assert.ok(await page.locator('.timeline g.bar').count() >= 1);
  });
});

test('markup in an article is shown as text and never runs', { timeout: TEST_TIMEOUT_MS }, async () => {
  await visit('/search?text=welcomed+proposal', {}, async (page) => {
    // Every event coded from the hostile sentence matches; each must show its markup as text.
    const rows = page.locator('table.events tbody tr');
    assert.ok((await rows.count()) >= 1);
    const row = rows.first();
    const sentence = await row.locator('a.sentence-link').textContent();
    assert.ok(sentence.includes('<img src=x onerror=__xss=2>'), sentence);
    await screenshot(page, 'search-hostile-markup');
    await row.locator('a.sentence-link').click();
    await page.waitForURL('**/event/*');
    await settled(page);

    const evidence = await page.locator('.evidence').textContent();
    assert.ok(evidence.includes('<script>__xss = 3</script>'), evidence);
    const title = await page.locator('ol.mentions h3').textContent();
    assert.equal(title, 'Seoul says <script>window.__xss = 1</script> talks with Pyongyang will resume');
    assert.equal(await page.locator('main script, main img').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, 'a javascript: URL is not a link');
    assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined');
    await screenshot(page, 'event-hostile-markup');
  });
});

test('search reads its filters from the URL and writes the form back into it', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { events } = await api('/api/events', { text: 'sanctions', actor: 'USA' });
  assert.ok(events.length > 0);
  await visit('/search?text=sanctions&actor=USA', {}, async (page) => {
    assert.equal(await page.inputValue('#field-text'), 'sanctions');
    assert.equal(await page.inputValue('#field-actor'), 'USA');
    const rows = page.locator('table.events tbody tr');
    assert.equal(await rows.count(), events.length);
    for (const sentence of await rows.locator('a.sentence-link').allTextContents()) {
      assert.match(sentence, /sanctions/i);
    }
    await page.selectOption('#field-quad', '4');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/quad=4/);
    await settled(page);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('text'), 'sanctions');
    assert.equal(url.searchParams.get('actor'), 'USA');
    const quads = await rows.locator('.quad-badge').allTextContents();
    assert.ok(quads.length > 0 && quads.every((q) => q === 'Material conflict'), quads.join());
    await screenshot(page, 'search');
  });
});

test('an API error is shown with its message', { timeout: TEST_TIMEOUT_MS }, async () => {
  await visit('/search?actor=U%24A', { allowConsole: [BAD_REQUEST_LOG] }, async (page) => {
    const error = page.locator('.error-box');
    assert.match(await error.textContent(), /400.*actor/s);
    await screenshot(page, 'search-error');
  });
  await visit('/event/0000000000000000', { allowConsole: [NOT_FOUND_LOG] }, async (page) => {
    assert.match(await page.locator('.error-box').textContent(), /404/);
    await screenshot(page, 'event-not-found');
  });
});

test('the actor page ranks counterparts and draws them as a network', { timeout: TEST_TIMEOUT_MS }, async () => {
  await visit('/actor/USA', {}, async (page) => {
    const counterparts = await page.locator('ol.counterparts > li > a.code').allTextContents();
    for (const code of ['PRK', 'CHN', 'KOR']) assert.ok(counterparts.includes(code), `${code} in ${counterparts}`);
    assert.equal(counterparts[0], 'PRK', 'most events first');
    const nodes = page.locator('.network a.node');
    assert.equal(await nodes.count(), Math.min(counterparts.length, 12));
    assert.ok(await page.locator('table.events tbody tr').count() > 0);
    await screenshot(page, 'actor');

    await page.locator('.network a.node[data-actor="PRK"]').click();
    await page.waitForURL('**/actor/PRK');
    await settled(page);
    assert.ok((await page.locator('ol.counterparts > li > a.code').allTextContents()).includes('RUS'));
  });
});

test('pages fit a phone screen without horizontal scrolling', { timeout: TEST_TIMEOUT_MS }, async () => {
  const geneva = await genevaMeeting();
  const pages = {
    overview: '/',
    dyad: '/dyad/USA/PRK',
    event: `/event/${geneva.id}`,
    actor: '/actor/USA',
    search: '/search?actor=RUS',
  };
  for (const [name, urlPath] of Object.entries(pages)) {
    await visit(urlPath, { viewport: PHONE }, async (page) => {
      await assertNoHorizontalOverflow(page);
      await screenshot(page, `${name}-phone`);
    });
  }
});
