// Harness of the browser tests of the public site: it finds (or starts) the
// server, launches Debian's Chromium through playwright-core, discovers the
// pages by following links, and visits a sample of them, recording everything
// the tests assert on. The tests themselves are in site.test.mjs.

import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import axe from 'axe-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = path.join(repoRoot, 'test-artifacts');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LANGS = ['id', 'en'];

// How many pages of each kind (language + first path segment) are visited in
// the browser. 0 visits every page.
const MAX_PER_KIND = Number(process.env.KINERJA_E2E_MAX_PER_KIND ?? 3);

// ---------------------------------------------------------------- server

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function answers(url) {
  try {
    const res = await fetch(url, { redirect: 'manual' });
    await res.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the site's base URL (ending in "/") and a stop function. It uses
 * KINERJA_SITE_URL when set; otherwise it starts
 * `bin/kinerja serve --out $KINERJA_SITE_DIR --addr 127.0.0.1:<free port>`.
 */
export async function startSite() {
  if (process.env.KINERJA_SITE_URL) {
    const base = new URL(process.env.KINERJA_SITE_URL);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    if (!(await answers(base))) {
      throw new Error(`KINERJA_SITE_URL=${base} does not answer`);
    }
    return { base, stop: async () => {} };
  }

  const bin = path.resolve(repoRoot, process.env.KINERJA_BIN || 'bin/kinerja');
  const outDir = path.resolve(repoRoot, process.env.KINERJA_SITE_DIR || 'public');
  const port = await freePort();
  const addr = `127.0.0.1:${port}`;
  const base = new URL(`http://${addr}/`);
  const child = spawn(bin, ['serve', '--out', outDir, '--addr', addr], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  let exited = null;
  const exit = new Promise((resolve) => {
    child.on('exit', (code, signal) => { exited = { code, signal }; resolve(); });
    child.on('error', (err) => { exited = { error: err }; resolve(); });
  });

  // Should this process end without stop() (an interrupted run), the server goes too.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (exited) return;
    child.kill('SIGTERM');
    const killed = await Promise.race([exit.then(() => true), sleep(5000, false)]);
    if (!killed) {
      child.kill('SIGKILL');
      await exit;
    }
  };

  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`${bin} serve exited before answering (${JSON.stringify(exited)}):\n${output}`);
    }
    if (await answers(base)) return { base, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(`${bin} serve did not answer on ${base} within 20 s:\n${output}`);
}

// ---------------------------------------------------------------- discovery

const HREF_RE = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Whether url is on the site: same origin and under the base path. */
export function onSite(url, base) {
  return url.origin === base.origin && url.pathname.startsWith(base.pathname);
}

/** The kind of a page: its language and the first path segment after it. */
export function kindOf(url, base) {
  const segs = url.pathname.slice(base.pathname.length).split('/').filter(Boolean);
  const lang = segs[0] === 'en' ? 'en' : 'id';
  if (lang === 'en') segs.shift();
  return `${lang}:/${segs[0] ?? ''}`;
}

/**
 * Follows every same-site link from / and /en/, breadth first. Returns the
 * HTML pages (with their source), the other files linked, and the broken
 * links (answer >= 400 or no answer) with the pages linking to them.
 */
export async function discover(base) {
  const starts = [new URL(base), new URL('en/', base)];
  const queue = starts.map((u) => ({ url: u.href, from: '(start)' }));
  const seen = new Set(queue.map((q) => q.url));
  const pages = [];
  const files = [];
  const broken = [];
  while (queue.length > 0) {
    const { url, from } = queue.shift();
    let res;
    try {
      res = await fetch(url, { redirect: 'follow' });
    } catch (err) {
      broken.push({ url, from, status: String(err.cause?.code ?? err.message) });
      continue;
    }
    if (res.status >= 400) {
      await res.body?.cancel();
      broken.push({ url, from, status: res.status });
      continue;
    }
    const type = res.headers.get('content-type') || '';
    if (!type.startsWith('text/html')) {
      await res.body?.cancel();
      files.push({ url, type });
      continue;
    }
    const html = await res.text();
    pages.push({ url, html, kind: kindOf(new URL(url), base) });
    for (const m of html.matchAll(HREF_RE)) {
      const raw = decodeEntities(m[1] ?? m[2] ?? m[3] ?? '').trim();
      if (raw === '' || raw.startsWith('#')) continue;
      let target;
      try {
        target = new URL(raw, url);
      } catch {
        broken.push({ url: raw, from: url, status: 'invalid URL' });
        continue;
      }
      if (!['http:', 'https:'].includes(target.protocol) || !onSite(target, base)) continue;
      target.hash = '';
      target.search = '';
      if (!seen.has(target.href)) {
        seen.add(target.href);
        queue.push({ url: target.href, from: url });
      }
    }
  }
  return { pages, files, broken };
}

/** At most MAX_PER_KIND pages of each kind, in discovery order. */
export function sample(pages) {
  const perKind = new Map();
  return pages.filter((p) => {
    const n = perKind.get(p.kind) ?? 0;
    perKind.set(p.kind, n + 1);
    return MAX_PER_KIND <= 0 || n < MAX_PER_KIND;
  });
}

// ---------------------------------------------------------------- browser

/** Launches Debian's Chromium with a fresh profile. */
export async function launchBrowser() {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'kinerja-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    reducedMotion: 'reduce',
  }).catch(async (err) => {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  for (const p of context.pages()) await p.close();
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a page that records console errors and warnings, uncaught exceptions,
 * failed requests, requests leaving the site (which are aborted) and dialogs
 * (which are dismissed).
 */
export async function openPage(context, base) {
  const page = await context.newPage();
  const log = { console: [], errors: [], failed: [], external: [], dialogs: [] };
  const where = () => page.url();
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (['data:', 'blob:'].includes(u.protocol) || onSite(u, base)) return route.continue();
    log.external.push({ page: where(), url: u.href, type: route.request().resourceType() });
    return route.abort('blockedbyclient');
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      const loc = m.location();
      // The aborted requests leaving the site are reported as such.
      if (/^Failed to load resource/.test(m.text()) && loc?.url && !onSite(new URL(loc.url), base)) return;
      log.console.push({ page: where(), type: m.type(), text: m.text(), at: loc?.url ? `${loc.url}:${loc.lineNumber}` : '' });
    }
  });
  page.on('pageerror', (err) => log.errors.push({ page: where(), text: String(err.stack || err) }));
  page.on('requestfailed', (r) => {
    const u = new URL(r.url());
    if (!onSite(u, base) && !['data:', 'blob:'].includes(u.protocol)) return; // reported as external
    log.failed.push({ page: where(), url: r.url(), status: r.failure()?.errorText ?? 'failed' });
  });
  page.on('response', (r) => {
    if (r.status() >= 400) log.failed.push({ page: where(), url: r.url(), status: r.status() });
  });
  page.on('dialog', async (d) => {
    log.dialogs.push({ page: where(), type: d.type(), message: d.message() });
    await d.dismiss().catch(() => {});
  });
  return { page, log };
}

// Runs in the page: the state of every chart. A chart is an element with class
// "chart"; it is drawn when it holds a canvas whose pixels are not all one
// colour. Also lists ECharts instances that are not inside a .chart.
function inspectCharts() {
  const uniform = (canvas) => {
    if (canvas.width === 0 || canvas.height === 0) return 'has zero size';
    // Read a copy, not the chart's own canvas: reading that back makes
    // Chromium warn (willReadFrequently) on the console.
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(canvas, 0, 0);
    const px = new Uint32Array(ctx.getImageData(0, 0, copy.width, copy.height).data.buffer);
    for (let i = 1; i < px.length; i++) if (px[i] !== px[0]) return null;
    return 'is one colour only (blank)';
  };
  const describe = (el) => {
    const id = el.id ? `#${el.id}` : '';
    const idx = [...document.querySelectorAll('.chart')].indexOf(el);
    return `.chart${id}[${idx}]`;
  };
  const charts = [...document.querySelectorAll('.chart')].map((el) => {
    const canvases = [...el.querySelectorAll('canvas')];
    const problems = [];
    if (canvases.length === 0) problems.push('holds no canvas');
    else {
      const states = canvases.map(uniform);
      if (states.every((s) => s !== null)) problems.push(`canvas ${states[0]}`);
    }
    const host = el.hasAttribute('_echarts_instance_') ? el : el.querySelector('[_echarts_instance_]');
    const inst = host && window.echarts?.getInstanceByDom?.(host);
    if (!inst) problems.push('has no ECharts instance');
    else {
      const opt = inst.getOption() ?? {};
      const series = opt.series ?? [];
      const rows = (s) => (Array.isArray(s.data) ? s.data.length : 0);
      const datasetRows = (opt.dataset ?? []).reduce((n, d) => n + (Array.isArray(d.source) ? d.source.length : 0), 0);
      if (series.length === 0) problems.push('has no series');
      else if (series.every((s) => rows(s) === 0) && datasetRows === 0) problems.push('has no data');
    }
    const r = el.getBoundingClientRect();
    return { name: describe(el), problems, box: { x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height } };
  });
  const strays = [...document.querySelectorAll('[_echarts_instance_]')]
    .filter((el) => !el.closest('.chart'))
    .map((el) => (el.id ? `#${el.id}` : el.tagName.toLowerCase()));
  return { charts, strays };
}

/** Waits (up to 10 s) until every .chart is drawn; then returns their state. */
export async function chartsOf(page) {
  // Charts are drawn as they come near the screen: scroll past each, as a reader does.
  await page.evaluate(async () => {
    for (const el of document.querySelectorAll('.chart')) {
      el.scrollIntoView({ block: 'center' });
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
    window.scrollTo(0, 0);
  });
  await page
    .waitForFunction(`(${inspectCharts})().charts.every((c) => c.problems.length === 0)`, null, { timeout: 10_000, polling: 100 })
    .catch(() => {});
  return page.evaluate(inspectCharts);
}

// Runs in a page: markup that executes script or loads another document,
// found in a parsed HTML source (scripts are not executed by DOMParser) or in
// the live document.
function findScriptInjection([html, pageUrl]) {
  const doc = html == null ? document : new DOMParser().parseFromString(html, 'text/html');
  const docUrl = pageUrl ?? location.href;
  const found = [];
  const where = (el) => {
    const s = el.outerHTML;
    return s.length > 160 ? `${s.slice(0, 160)}…` : s;
  };
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];
  for (const el of doc.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) found.push(`inline event handler ${name}= on ${where(el)}`);
      if (name === 'srcdoc') found.push(`srcdoc on ${where(el)}`);
      if (urlAttrs.includes(name) && /^(javascript:|vbscript:|data:text\/html)/i.test(a.value.replace(/[\s\u0000-\u001f]/g, ''))) {
        found.push(`script URL in ${name}= on ${where(el)}`);
      }
    }
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'frame', 'object', 'embed', 'base'].includes(tag)) found.push(`<${tag}> element: ${where(el)}`);
    if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || '')) found.push(`meta refresh: ${where(el)}`);
    if (tag === 'script' && el.getAttribute('src') && new URL(el.getAttribute('src'), docUrl).origin !== new URL(docUrl).origin) {
      found.push(`script from elsewhere: ${where(el)}`);
    }
  }
  return found;
}

/** Checks the page's HTML source (as served) for markup that runs script. */
export async function injectionInSource(page, html, url) {
  return page.evaluate(findScriptInjection, [html, url]);
}

/** Runs axe-core with the WCAG 2.0/2.1 A and AA rules. */
export async function runAxe(page) {
  const has = await page.evaluate(() => typeof window.axe?.run === 'function');
  if (!has) await page.evaluate(axe.source);
  return page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  ).then((r) => r.violations);
}

/** Formats axe violations for a person to read. */
export function formatViolations(url, violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`${url}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 10)) {
      lines.push(`    at ${n.target.join(' ')}`);
      lines.push(`      ${n.html.length > 200 ? `${n.html.slice(0, 200)}…` : n.html}`);
      for (const s of (n.failureSummary || '').split('\n')) if (s.trim()) lines.push(`      ${s.trim()}`);
    }
    if (v.nodes.length > 10) lines.push(`    … and ${v.nodes.length - 10} more`);
  }
  return lines.join('\n');
}

/** Moves the mouse over each chart so that tooltips and hover states run. */
async function hoverCharts(page, charts) {
  for (const c of charts) {
    if (c.box.w < 10 || c.box.h < 10) continue;
    const el = page.locator('.chart').nth(Number(c.name.match(/\[(\d+)\]$/)[1]));
    await el.scrollIntoViewIfNeeded().catch(() => {});
    for (const fx of [0.2, 0.4, 0.6, 0.8]) {
      await el.hover({ position: { x: c.box.w * fx, y: c.box.h / 2 }, force: true, timeout: 2000 }).catch(() => {});
    }
  }
  await page.mouse.move(0, 0);
}

/** The language switch of the page and the language of its <html>. */
function inspectLang() {
  const links = [...document.querySelectorAll('a.lang-switch')].map((a) => ({
    href: a.href,
    hreflang: a.getAttribute('hreflang'),
    text: a.textContent.trim(),
  }));
  return { lang: document.documentElement.getAttribute('lang'), links };
}

/**
 * Visits one page and records: its log, charts, axe violations, injection
 * found in the live DOM after hovering the charts, its language, and where the
 * language switch leads (by clicking it).
 */
export async function visit(context, base, url) {
  const { page, log } = await openPage(context, base);
  const result = { url, log };
  try {
    const res = await page.goto(url, { waitUntil: 'load' });
    result.status = res?.status();
    result.charts = await chartsOf(page);
    result.axe = await runAxe(page);
    await hoverCharts(page, result.charts.charts);
    result.liveInjection = await page.evaluate(findScriptInjection, [null, null]);
    result.lang = await page.evaluate(inspectLang);
    const sw = page.locator('a.lang-switch').first();
    if (result.lang.links.length > 0 && (await sw.isVisible())) {
      await Promise.all([page.waitForURL((u) => u.href !== url, { waitUntil: 'load' }), sw.click()]);
      result.switchedTo = { url: page.url(), lang: await page.evaluate(() => document.documentElement.getAttribute('lang')) };
    }
    await sleep(100);
  } catch (err) {
    result.error = String(err.stack || err);
  } finally {
    await page.close();
  }
  return result;
}

/**
 * Loads url at the given viewport size, waits for the charts and writes a
 * full-page screenshot into test-artifacts/. Returns the log, the charts, the
 * page's scroll width and the screenshot's path.
 */
export async function screenshot(context, base, url, width, height, name) {
  await mkdir(artifactsDir, { recursive: true });
  const { page, log } = await openPage(context, base);
  try {
    await page.setViewportSize({ width, height });
    await page.goto(url, { waitUntil: 'load' });
    const charts = await chartsOf(page);
    await sleep(300);
    const file = path.join(artifactsDir, `${name}-${width}x${height}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    return { log, charts, scrollWidth, file };
  } finally {
    await page.close();
  }
}

export { LANGS };
