// Lighthouse (mobile) on the public site: accessibility, best practices and
// SEO must score 100 on every audited page. The performance score is a
// measure of time on a shared machine: printed here, judged by `make
// lighthouse` and the benchmarks (site/e2e/lighthouse.mjs), never asserted.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './harness.mjs';
import { audit, pagesOf } from './lighthouse.mjs';

describe('Lighthouse (mobile)', () => {
  let site;
  let results = [];

  before(async () => {
    site = await startSite();
    results = await audit(pagesOf(site.base));
  });

  after(async () => {
    await site?.stop();
  });

  it('scores 100 on accessibility, best practices and SEO on every audited page', (t) => {
    const problems = [];
    for (const r of results) {
      const page = new URL(r.url).pathname;
      t.diagnostic(`${page}: ${JSON.stringify(r.scores)}`);
      for (const c of ['accessibility', 'best-practices', 'seo']) {
        if (r.scores[c] !== 100) problems.push(`${page} ${c} ${r.scores[c]}: ${r.failing[c].join('; ')}`);
      }
    }
    assert.equal(results.length, pagesOf(site.base).length, 'not every page was audited');
    assert.deepEqual(problems, []);
  });
});
