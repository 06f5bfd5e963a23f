import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './tests/support/browser';
import { serveSite } from './tests/support/server';
const [b, s] = await Promise.all([chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }), serveSite()]);
const tm: Record<string, number> = { ctx: 0, page: 0, goto: 0, close: 0 };
const lap = async (k: string, f: () => Promise<unknown>) => { const t = performance.now(); const r = await f(); tm[k] += performance.now() - t; return r as any; };
const c0 = process.cpuUsage();
for (let i = 0; i < 20; i++) {
  const c = await lap('ctx', () => b.newContext());
  const p = await lap('page', () => c.newPage());
  await lap('goto', () => p.goto(s.url + '/about/'));
  await lap('close', () => c.close());
}
const cu = process.cpuUsage(c0);
console.log(Object.fromEntries(Object.entries(tm).map(([k, v]) => [k, Math.round(v / 20)])), 'node cpu ms/iter', Math.round((cu.user + cu.system) / 1000 / 20));
await b.close(); await s.close();
