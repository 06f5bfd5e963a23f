import { launchBrowser } from '../tests/support/browser';
import { serveSite } from '../tests/support/server';

const server = await serveSite();
const browser = await launchBrowser();
const out: Record<string, unknown> = {};
async function at(vp: { width: number; height: number }, url: string, fn: (p: import('playwright-core').Page) => Promise<unknown>) {
  const ctx = await browser.newContext({ viewport: vp });
  const page = await ctx.newPage();
  await page.goto(server.url + url, { waitUntil: 'networkidle' });
  const r = await fn(page);
  await ctx.close();
  return r;
}
const headerInfo = (p: import('playwright-core').Page) => p.evaluate(() => {
  const h = document.querySelector('.site-header')!.getBoundingClientRect();
  const n = document.querySelector('.site-name')!.getBoundingClientRect();
  const input = document.querySelector('input[type=search], .finder input') as HTMLElement | null;
  return { header: Math.round(h.height), name: [Math.round(n.width), Math.round(n.height)], nameFont: getComputedStyle(document.querySelector('.site-name')!).fontSize, input: input ? Math.round(input.getBoundingClientRect().bottom) : null, body: getComputedStyle(document.body).fontSize };
});
out.home390 = await at({ width: 390, height: 844 }, '/', headerInfo);
out.home360large = await at({ width: 360, height: 800 }, '/?large=1', headerInfo);
out.home360normal = await at({ width: 360, height: 800 }, '/?large=0', headerInfo);
out.home1280large = await at({ width: 1280, height: 800 }, '/?large=1', headerInfo);
for (const [name, vp, q] of [['390', { width: 390, height: 844 }, ''], ['360L', { width: 360, height: 800 }, '?large=1']] as const) {
  out['kunmingTable' + name] = await at(vp, '/documents/kunming-2024-key-points/' + q, (p) => p.evaluate(() => {
    const t = document.querySelector('#document-figures table') ?? document.querySelector('#document-figures')!;
    const r = t.getBoundingClientRect();
    const rows = document.querySelectorAll('#document-figures tbody tr').length;
    const sc = t.closest('.table-scroll, [class*=scroll]') as HTMLElement | null;
    return { w: Math.round(r.width), h: Math.round(r.height), rows, scrollW: sc ? sc.scrollWidth - sc.clientWidth : null, page: document.documentElement.scrollHeight, cls: t.className, parent: t.parentElement?.className };
  }));
}
out.indicator390 = await at({ width: 390, height: 844 }, '/indicators/in-county-visit-rate/', (p) => p.evaluate(() => {
  const c = document.querySelector('yg-chart, figure, table');
  return { first: c?.tagName, top: Math.round(c!.getBoundingClientRect().top) };
}));
out.indicator1280 = await at({ width: 1280, height: 800 }, '/indicators/in-county-visit-rate/', (p) => p.evaluate(() => {
  const c = document.querySelector('yg-chart, figure, table');
  return { first: c?.tagName, top: Math.round(c!.getBoundingClientRect().top) };
}));
console.log(JSON.stringify(out, null, 1));
await browser.close();
await server.close();
