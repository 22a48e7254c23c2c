// Browser tests of the public site. See README.md in this folder.
//
// The pages are discovered by following links from / and /en/; a few pages of
// each kind are then loaded in Chromium once, recording everything below, and
// each test checks one property over all of them, listing every failure.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import {
  LANGS,
  chartsOf,
  discover,
  formatViolations,
  injectionInSource,
  kindOf,
  launchBrowser,
  openPage,
  repoRoot,
  sample,
  screenshot,
  startSite,
  visit,
} from './harness.mjs';

/** Fails with one line per problem (repeats counted) when there is any. */
function none(problems, what) {
  if (problems.length === 0) return;
  const counts = new Map();
  for (const p of problems) counts.set(p, (counts.get(p) ?? 0) + 1);
  const lines = [...counts].map(([p, n]) => (n > 1 ? `${p} (${n} times)` : p));
  assert.fail(`${counts.size} ${what}:\n${lines.join('\n')}`);
}

const kindOfPage = (base, url) => kindOf(new URL(url), base);

const rel = (base, url) => {
  const u = new URL(url);
  return u.origin === base.origin ? u.pathname + u.search : u.href;
};

describe('public site', () => {
  let site;
  let browser;
  let found;
  const visited = [];
  const shots = [];

  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    found = await discover(site.base);
    const pages = sample(found.pages);
    for (const p of pages) visited.push(await visit(browser.context, site.base, p.url));
    for (const [url, name] of [[site.base.href, 'overview'], [new URL('en/', site.base).href, 'overview-en']]) {
      for (const [w, h] of [[360, 740], [1280, 900]]) {
        shots.push({ url, width: w, ...(await screenshot(browser.context, site.base, url, w, h, name)) });
      }
    }
    const opd = found.pages.find((p) => p.kind === 'id:/opd');
    if (opd) shots.push({ url: opd.url, width: 360, ...(await screenshot(browser.context, site.base, opd.url, 360, 740, 'opd')) });
    const kinds = new Map();
    for (const p of found.pages) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    console.log(`${site.base}: ${found.pages.length} pages, ${found.files.length} other files; visited ${pages.length}:`);
    for (const v of visited) console.log(`  ${rel(site.base, v.url)}`);
    console.log(`kinds: ${[...kinds].map(([k, n]) => `${k} (${n})`).join(', ')}`);
  }, { timeout: 15 * 60_000 });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  // All records of one kind: from the visits and the screenshot loads.
  const logs = (key) => [...visited, ...shots].flatMap((v) => v.log[key]);

  it('finds the overview in both languages and loads every visited page', () => {
    const urls = new Set(found.pages.map((p) => p.url));
    const problems = [];
    for (const u of [site.base.href, new URL('en/', site.base).href]) {
      if (!urls.has(u)) problems.push(`${rel(site.base, u)} is not an HTML page`);
    }
    for (const v of visited) {
      if (v.error) problems.push(`${rel(site.base, v.url)}: ${v.error}`);
      else if (v.status !== 200) problems.push(`${rel(site.base, v.url)}: status ${v.status}`);
    }
    none(problems, 'pages not loaded');
  });

  it('has no broken same-site link', () => {
    none(found.broken.map((b) => `${rel(site.base, b.url)} (${b.status}), linked from ${rel(site.base, b.from)}`), 'broken links');
  });

  it('logs no console error or warning and throws no uncaught exception', () => {
    // The same message on many pages (or many times) is listed once, with
    // where it was seen; hashes in CSP reports are not told apart.
    const seen = new Map();
    const add = (page, text) => {
      const key = text.replace(/'sha256-[A-Za-z0-9+/=]+'/g, "'sha256-…'");
      const e = seen.get(key) ?? { n: 0, pages: new Set() };
      e.n += 1;
      e.pages.add(rel(site.base, page));
      seen.set(key, e);
    };
    for (const m of logs('console')) add(m.page, `console ${m.type}: ${m.text}${m.at ? ` (${m.at})` : ''}`);
    for (const e of logs('errors')) add(e.page, `uncaught: ${e.text}`);
    none([...seen].map(([text, e]) => {
      const pages = [...e.pages];
      const on = pages.length > 6 ? `${pages.slice(0, 6).join(', ')} and ${pages.length - 6} more pages` : pages.join(', ');
      return `${text}\n    seen ${e.n} time${e.n > 1 ? 's' : ''} on ${on}`;
    }), 'distinct console errors');
  });

  it('makes no failed request', () => {
    none(logs('failed').map((f) => `${rel(site.base, f.page)}: ${f.url} → ${f.status}`), 'failed requests');
  });

  it('makes no request leaving the site', () => {
    none(logs('external').map((e) => `${rel(site.base, e.page)}: ${e.type} ${e.url}`), 'requests leaving the site');
  });

  it('draws every chart', () => {
    const problems = [];
    for (const v of [...visited, ...shots]) {
      if (!v.charts) continue;
      const at = `${rel(site.base, v.url)}${v.width ? ` at ${v.width} px` : ''}`;
      for (const c of v.charts.charts) for (const p of c.problems) problems.push(`${at}: ${c.name} ${p}`);
      for (const s of v.charts.strays) problems.push(`${at}: ECharts instance on ${s} is not inside an element of class "chart"`);
    }
    const total = visited.reduce((n, v) => n + (v.charts?.charts.length ?? 0), 0);
    if (visited.length > 0 && total === 0) problems.push('no page visited has a chart (an element of class "chart")');
    none(problems, 'chart problems');
  });

  it('switches language to the same page in the other language', () => {
    const problems = [];
    for (const v of visited) {
      if (v.error) continue;
      const at = rel(site.base, v.url);
      const segs = new URL(v.url).pathname.slice(site.base.pathname.length);
      const expectedLang = segs.startsWith('en/') || segs === 'en' ? 'en' : 'id';
      const other = LANGS.find((l) => l !== expectedLang);
      const counterpart = new URL(expectedLang === 'en' ? segs.replace(/^en\/?/, '') : `en/${segs}`, site.base).href;
      if (v.lang.lang !== expectedLang) problems.push(`${at}: <html lang="${v.lang.lang ?? ''}">, want "${expectedLang}"`);
      if (v.lang.links.length === 0) {
        problems.push(`${at}: no visible a.lang-switch`);
        continue;
      }
      for (const l of v.lang.links) {
        if (l.hreflang !== other) problems.push(`${at}: a.lang-switch hreflang="${l.hreflang ?? ''}", want "${other}"`);
        if (l.href !== counterpart) problems.push(`${at}: a.lang-switch goes to ${rel(site.base, l.href)}, want ${rel(site.base, counterpart)}`);
      }
      if (!v.switchedTo) problems.push(`${at}: clicking a.lang-switch did not navigate`);
      else if (v.switchedTo.lang !== other) {
        problems.push(`${at}: a.lang-switch leads to ${rel(site.base, v.switchedTo.url)} with <html lang="${v.switchedTo.lang ?? ''}">, want "${other}"`);
      }
    }
    none(problems, 'language switch problems');
  });

  it('has no accessibility violation (axe-core, WCAG 2.0/2.1 A and AA)', () => {
    const failing = visited.filter((v) => v.axe?.length > 0);
    if (failing.length > 0) {
      const n = failing.reduce((s, v) => s + v.axe.length, 0);
      assert.fail(`${n} axe violations:\n${failing.map((v) => formatViolations(rel(site.base, v.url), v.axe)).join('\n')}`);
    }
  });

  it('runs no injected script: no dialog opens and no script-running markup appears', () => {
    none([
      ...logs('dialogs').map((d) => `${rel(site.base, d.page)}: a ${d.type} dialog opened: ${JSON.stringify(d.message)}`),
      ...visited.flatMap((v) => (v.liveInjection ?? []).map((f) => `${rel(site.base, v.url)} (live page): ${f}`)),
    ], 'signs of injected script');
  });

  it('has no script-running markup in the source of any page', async () => {
    const { page } = await openPage(browser.context, site.base);
    try {
      const problems = [];
      for (const p of found.pages) {
        for (const f of await injectionInSource(page, p.html, p.url)) problems.push(`${rel(site.base, p.url)}: ${f}`);
      }
      none(problems, 'script-running markup in page sources');
    } finally {
      await page.close();
    }
  });

  it('downloads every chart of the overview and of an agency page as a PNG and an SVG image', async () => {
    const opd = found.pages.find((p) => kindOfPage(site.base, p.url) === 'en:/opd');
    const problems = [];
    // The SVG files are parsed in a blank page: the site's CSP would report
    // their style attributes, which are fine in a file.
    const parser = await browser.context.newPage();
    for (const url of [site.base.href, opd?.url].filter(Boolean)) {
      const { page, log } = await openPage(browser.context, site.base);
      const at = rel(site.base, url);
      try {
        await page.goto(url, { waitUntil: 'load' });
        await chartsOf(page);
        const figures = page.locator('figure[data-file]');
        const n = await figures.count();
        if (n === 0) problems.push(`${at}: no chart with downloads`);
        for (let i = 0; i < n; i++) {
          const fig = figures.nth(i);
          const base = await fig.getAttribute('data-file');
          const id = await fig.getAttribute('id');
          if (!/^[a-z0-9-]+-\d{4}(-\d{2})?$/.test(base ?? '')) problems.push(`${at}: chart ${i} has the file name ${base}`);
          if (!id?.startsWith('grafik-') || (await fig.locator(`a.permalink[href="#${id}"]`).count()) !== 1) {
            problems.push(`${at}: chart ${i} has no permalink to its id (${id})`);
          }
          for (const format of ['png', 'svg']) {
            const button = fig.locator(`button.export[data-format="${format}"]`);
            if (!(await button.isVisible())) {
              problems.push(`${at}: ${base}: no visible ${format} button`);
              continue;
            }
            const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
            const name = download.suggestedFilename();
            const bytes = await readFile(await download.path());
            if (name !== `${base}.${format}`) problems.push(`${at}: downloaded ${name}, want ${base}.${format}`);
            if (format === 'png') {
              if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) problems.push(`${at}: ${name} is not a PNG`);
              else if (bytes.length < 5000) problems.push(`${at}: ${name} is only ${bytes.length} bytes`);
            } else {
              const root = await parser.evaluate((t) => {
                const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
                if (doc.querySelector('parsererror')) return 'parsererror';
                return `${doc.documentElement.namespaceURI} ${doc.documentElement.localName} ${doc.querySelectorAll('path').length}`;
              }, bytes.toString('utf8'));
              if (!/^http:\/\/www\.w3\.org\/2000\/svg svg [1-9]/.test(root)) problems.push(`${at}: ${name} is not an SVG drawing (${root})`);
              const title = await fig.getAttribute('data-title');
              const plain = (s) => s.replace(/&[a-z]+;|&#\d+;/g, '').replace(/[<>&"']/g, '');
              if (!plain(bytes.toString('utf8')).includes(plain(title).slice(0, 30))) problems.push(`${at}: ${name} lacks its title "${title}"`);
            }
          }
        }
        for (const m of log.console) problems.push(`${at}: console ${m.type}: ${m.text}`);
        for (const e of log.errors) problems.push(`${at}: uncaught: ${e.text}`);
      } finally {
        await page.close();
      }
    }
    await parser.close();
    none(problems, 'chart download problems');
  });

  it('shows an agency chart\'s embed snippet and draws its embed page inside an iframe of another origin, without console errors', async () => {
    const opd = found.pages.find((p) => kindOfPage(site.base, p.url) === 'id:/opd');
    assert.ok(opd, 'no agency page found');
    const problems = [];
    // The snippet as a visitor copies it: the page's script makes its address absolute.
    let snippet;
    {
      const { page, log } = await openPage(browser.context, site.base);
      try {
        await page.goto(opd.url, { waitUntil: 'load' });
        const fig = page.locator('figure[data-file]').first();
        await fig.locator('details.embed-control > summary').click();
        if (!(await fig.locator('button.copy-embed').isVisible())) problems.push('no visible copy button for the embed code');
        snippet = await fig.locator('textarea.embed-code').inputValue();
        for (const m of log.console) problems.push(`${rel(site.base, opd.url)}: console ${m.type}: ${m.text}`);
        for (const e of log.errors) problems.push(`${rel(site.base, opd.url)}: uncaught: ${e.text}`);
      } finally {
        await page.close();
      }
    }
    const src = /<iframe src="([^"]+)"/.exec(snippet ?? '')?.[1];
    assert.ok(src, `no iframe address in the snippet ${JSON.stringify(snippet)}`);
    const embedUrl = new URL(src.replace(/&amp;/g, '&'));
    if (embedUrl.origin !== site.base.origin || !/\/embed\/opd\/[^/]+\/grafik-[a-z0-9-]+\/$/.test(embedUrl.pathname)) {
      problems.push(`snippet address ${src} is not an absolute embed page of the site`);
    }
    // Another origin: a second server on another port whose page frames the chart.
    const host = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><title>host</title><h1>Another site</h1>${snippet}`);
    });
    await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
    const hostUrl = `http://127.0.0.1:${host.address().port}/`;
    const page = await browser.context.newPage();
    const messages = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') messages.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (err) => messages.push(`uncaught: ${err}`));
    page.on('response', (r) => { if (r.status() >= 400) messages.push(`${r.url()} → ${r.status()}`); });
    await page.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.origin === site.base.origin || u.href.startsWith(hostUrl) || ['data:', 'blob:'].includes(u.protocol)) return route.continue();
      messages.push(`request leaving the sites: ${u.href}`);
      return route.abort('blockedbyclient');
    });
    try {
      assert.notEqual(new URL(hostUrl).origin, site.base.origin);
      await page.goto(hostUrl, { waitUntil: 'load' });
      const el = await page.waitForSelector('iframe');
      const frame = await el.contentFrame();
      if (!frame || frame.url() !== embedUrl.href) problems.push(`the iframe shows ${frame?.url()}, want ${embedUrl.href}`);
      else {
        await frame.waitForSelector('.chart canvas, .chart svg', { timeout: 15_000 }).catch(() => problems.push('no chart drawn (canvas or svg) inside the iframe'));
        const info = await frame.evaluate(() => ({
          nav: document.querySelectorAll('nav, header, footer').length,
          title: document.querySelector('h1')?.textContent ?? '',
          back: [...document.querySelectorAll('a[target="_blank"][rel~="noopener"]')].map((a) => a.href),
          charts: document.querySelectorAll('.chart').length,
        }));
        if (info.nav !== 0) problems.push(`the embed page has ${info.nav} nav/header/footer elements`);
        if (info.charts !== 1) problems.push(`the embed page has ${info.charts} charts, want 1`);
        if (info.title.trim() === '') problems.push('the embed page has no title');
        const id = embedUrl.pathname.split('/').filter(Boolean).pop();
        if (!info.back.some((h) => h === new URL(`#${id}`, opd.url).href)) problems.push(`no link back to ${rel(site.base, opd.url)}#${id} (links: ${info.back.join(', ')})`);
      }
    } finally {
      await page.close();
      // The browser keeps its connection alive: close() alone would wait for it.
      host.closeAllConnections();
      await new Promise((resolve) => host.close(resolve));
    }
    none([...problems, ...messages], 'embed problems');
  });

  it('compares two agencies picked by keyboard on banding/: both lines and the province on every chart, the choice in the address', async () => {
    const url = new URL('banding/', site.base).href;
    const problems = [];
    const { page, log } = await openPage(browser.context, site.base);
    let address;
    let picked = [];
    try {
      await page.goto(url, { waitUntil: 'load' });
      const boxes = page.locator('#banding input[name=opd]');
      const n = await boxes.count();
      assert.ok(n >= 2, `banding/ lists ${n} agencies, want at least 2`);
      // Two neighbours in the list with a coverage in the open data.
      const rows = await (await fetch(new URL('data/kpi_opd_bulanan.json', site.base))).json();
      const covered = new Set(rows.filter((r) => r.cakupan_penilaian_persen !== null).map((r) => r.opd_kode));
      const codes = await boxes.evaluateAll((els) => els.map((e) => e.value));
      const first = codes.findIndex((c, i) => covered.has(c) && covered.has(codes[i + 1]));
      assert.ok(first >= 0, 'no two neighbouring agencies with a coverage');
      // Keyboard only: that box focused, Space, Tab to the next, Space.
      await boxes.nth(first).focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      picked = await page.$$eval('#banding input[name=opd]:checked', (els) => els.map((e) => ({ kode: e.value, nama: e.dataset.nama })));
      if (picked.length !== 2) problems.push(`${picked.length} agencies picked by keyboard, want 2`);
      const want = 1 + picked.length;
      // The charts are drawn as they come near the screen: scroll past each.
      for (const fig of await page.locator('#banding figure').all()) await fig.scrollIntoViewIfNeeded();
      await page.waitForFunction((k) => [...document.querySelectorAll('#banding figure .chart')].every((el) => {
        const inst = window.echarts?.getInstanceByDom(el);
        return inst && inst.getOption().series.length === k;
      }), want, { timeout: 10_000 }).catch(() => problems.push(`the charts do not all have ${want} lines`));
      const figs = await page.evaluate(() => [...document.querySelectorAll('#banding figure')].map((fig) => {
        const inst = window.echarts?.getInstanceByDom(fig.querySelector('.chart'));
        const series = inst ? inst.getOption().series : [];
        return {
          kpi: fig.dataset.kpi,
          names: series.map((s) => s.name),
          points: series.map((s) => s.data.filter((v) => v !== null && v !== undefined).length),
          head: [...fig.querySelectorAll('thead th')].map((th) => th.textContent),
        };
      }));
      if (figs.length < 5) problems.push(`${figs.length} charts on banding/, want one per headline KPI (5)`);
      for (const f of figs) {
        for (const p of picked) {
          if (!f.names.includes(p.nama)) problems.push(`${f.kpi}: no line named ${p.nama} (lines: ${f.names.join(', ')})`);
          if (!f.head.includes(p.nama)) problems.push(`${f.kpi}: the table has no column ${p.nama}`);
        }
      }
      const cov = figs.find((f) => f.kpi === 'cakupan_penilaian_persen');
      if (!cov || cov.points.some((k) => k === 0)) problems.push(`coverage: a line without a point (${JSON.stringify(cov?.points)})`);
      address = page.url();
      const opd = new URL(address).searchParams.get('opd');
      if (opd !== picked.map((p) => p.kode).join(',')) problems.push(`the address holds opd=${opd}, want ${picked.map((p) => p.kode).join(',')}`);
      for (const m of log.console) problems.push(`console ${m.type}: ${m.text}`);
      for (const e of log.errors) problems.push(`uncaught: ${e.text}`);
    } finally {
      await page.close();
    }
    // Shared: the address opened afresh shows the same agencies.
    if (address) {
      const again = await browser.context.newPage();
      try {
        await again.goto(address, { waitUntil: 'load' });
        const shown = await again.$$eval('#banding input[name=opd]:checked', (els) => els.map((e) => e.value));
        if (shown.join(',') !== picked.map((p) => p.kode).join(',')) problems.push(`the shared address shows ${shown.join(',')}`);
      } finally {
        await again.close();
      }
    }
    none(problems, 'comparison problems');
  });

  it('names all five predikat in the legend of the predikat chart, without a pager, at 360 and 1280 px', async () => {
    const problems = [];
    for (const width of [360, 1280]) {
      const { page } = await openPage(browser.context, site.base);
      try {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(site.base.href, { waitUntil: 'load' });
        await chartsOf(page);
        const legend = await page.evaluate(() => {
          const el = document.getElementById('provinsi-predikat');
          const chart = el && window.echarts.getInstanceByDom(el);
          if (!chart) return { error: 'no chart #provinsi-predikat' };
          const opt = chart.getOption();
          const model = chart.getModel().getComponent('legend');
          const view = chart.getViewOfComponentModel(model);
          const box = view.group.getBoundingRect().clone();
          box.applyTransform(view.group.getComputedTransform ? view.group.getComputedTransform() : view.group.transform);
          const grid = chart.getModel().getComponent('grid').coordinateSystem.getRect();
          return {
            type: opt.legend[0].type,
            names: opt.series.map((s) => s.name),
            drawn: view.getContentGroup().children().length,
            box: { x: box.x, y: box.y, w: box.width, h: box.height },
            width: chart.getWidth(),
            gridTop: grid.y,
          };
        });
        const at = `/ at ${width} px`;
        if (legend.error) {
          problems.push(`${at}: ${legend.error}`);
          continue;
        }
        if (legend.type !== 'plain') problems.push(`${at}: legend type ${legend.type}, want plain (a scroll legend pages and hides entries)`);
        if (legend.names.length !== 5) problems.push(`${at}: ${legend.names.length} series, want the five predikat`);
        if (legend.drawn !== 5) problems.push(`${at}: ${legend.drawn} legend entries drawn, want 5`);
        if (legend.box.x < 0 || legend.box.x + legend.box.w > legend.width + 0.5) problems.push(`${at}: legend spans x ${legend.box.x}–${legend.box.x + legend.box.w} of ${legend.width} px`);
        if (legend.box.y + legend.box.h > legend.gridTop) problems.push(`${at}: legend (to y ${legend.box.y + legend.box.h}) overlaps the plot (from y ${legend.gridTop})`);
      } finally {
        await page.close();
      }
    }
    none(problems, 'legend problems');
  });

  it('fits the overview and an agency page in a 360 px wide screen (no horizontal scrolling); screenshots in test-artifacts/', () => {
    for (const s of shots) console.log(`screenshot ${path.relative(repoRoot, s.file)}`);
    none(
      shots.filter((s) => s.width === 360 && s.scrollWidth > 360)
        .map((s) => `${rel(site.base, s.url)}: page is ${s.scrollWidth} px wide at 360 px (see ${path.relative(repoRoot, s.file)})`),
      'pages wider than the screen',
    );
  });
});
