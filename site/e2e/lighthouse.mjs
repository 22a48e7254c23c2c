// Lighthouse (mobile, simulated throttling) on the public site's pages:
// the scores of its four categories per page, for the browser test
// (lighthouse.test.mjs: accessibility, best practices and SEO must be 100)
// and for `make lighthouse` (which prints them all and writes
// data/bench/lighthouse.json; the performance score, a measure of time,
// belongs to the benchmarks, never to a test).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** Runs Lighthouse on each url; returns [{url, scores: {category: 0..100}, failing: {category: [audit titles]}}]. */
export async function audit(urls) {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'kinerja-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', `--user-data-dir=${userDataDir}`],
  });
  const out = [];
  try {
    for (const url of urls) {
      const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      const lhr = r.lhr;
      const scores = {};
      const failing = {};
      for (const c of CATEGORIES) {
        const cat = lhr.categories[c];
        scores[c] = Math.round((cat?.score ?? 0) * 100);
        failing[c] = (cat?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a && a.score !== null && a.score < 1)
          .map((a) => `${a.id}: ${a.title}`);
      }
      out.push({ url, scores, failing });
    }
  } finally {
    await chrome.kill();
    await rm(userDataDir, { recursive: true, force: true });
  }
  return out;
}

/** The pages audited: the overview in both languages, an agency page, the comparison and the explainer. */
export function pagesOf(base) {
  return ['', 'en/', 'opd/bkd/', 'banding/', 'memahami/'].map((p) => new URL(p, base).href);
}

// `node site/e2e/lighthouse.mjs` (make lighthouse): the four scores of
// every audited page, printed and written to data/bench/lighthouse.json.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { startSite, repoRoot } = await import('./harness.mjs');
  const { mkdir, writeFile } = await import('node:fs/promises');
  const site = await startSite();
  try {
    const res = await audit(pagesOf(site.base));
    console.log(`${'page'.padEnd(14)} ${CATEGORIES.map((c) => c.padStart(15)).join('')}`);
    for (const r of res) {
      const page = new URL(r.url).pathname;
      console.log(`${page.padEnd(14)} ${CATEGORIES.map((c) => String(r.scores[c]).padStart(15)).join('')}`);
      for (const c of CATEGORIES) for (const f of r.failing[c]) console.log(`  ${c}: ${f}`);
    }
    const dir = path.join(repoRoot, 'data', 'bench');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'lighthouse.json'), JSON.stringify({ date: new Date().toISOString(), results: res }, null, 2));
  } finally {
    await site.stop();
  }
}
