import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveBuilt } from '../scripts/bench/serve';
const server = await serveBuilt('dist');
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const path of process.argv.slice(2)) {
  const result = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
  const { categories, audits } = result!.lhr;
  const s = Object.fromEntries(Object.entries(categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
  const failing = Object.values(categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => audits[r.id])).filter((a) => a && a.score !== null && a.score < 1).map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  console.log(path, JSON.stringify(s), 'CLS', audits['cumulative-layout-shift'].numericValue, 'LCP', Math.round(audits['largest-contentful-paint'].numericValue!), 'TBT', audits['total-blocking-time'].numericValue, failing.join(', '));
  const items = (audits['layout-shifts']?.details as { items?: { node?: { snippet?: string }; score?: number }[] } | undefined)?.items ?? [];
  for (const i of items) console.log('   shift', i.score, i.node?.snippet?.slice(0, 120));
}
await chrome.kill(); await server.close();
