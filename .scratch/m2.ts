import { launchBrowser } from '../tests/support/browser';
import { serveSite } from '../tests/support/server';
const server = await serveSite();
const browser = await launchBrowser();
async function at(vp: { width: number; height: number }, url: string, fn: (p: import('playwright-core').Page) => Promise<unknown>) {
  const ctx = await browser.newContext({ viewport: vp });
  const page = await ctx.newPage();
  await page.goto(server.url + url, { waitUntil: 'networkidle' });
  const r = await fn(page);
  await ctx.close();
  return r;
}
const header = async (p: import('playwright-core').Page) => {
  const input = await p.getByLabel('乡镇、卫生院或医院的名字').boundingBox();
  return { ...(await p.evaluate(() => {
    const h = document.querySelector('.site-header')!.getBoundingClientRect();
    const n = document.querySelector('.site-name')!.getBoundingClientRect();
    return { header: Math.round(h.height), name: [Math.round(n.width), Math.round(n.height)], font: getComputedStyle(document.querySelector('.site-name')!).fontSize, sw: document.documentElement.scrollWidth };
  })), inputBottom: input && Math.round(input.y + input.height) };
};
for (const [w, h] of [[320, 640], [360, 640], [360, 800], [390, 844], [768, 1024], [1280, 800]]) for (const l of ['0', '1'])
  console.log(w, h, 'large', l, JSON.stringify(await at({ width: w, height: h }, '/?large=' + l, header)));
for (const [w, l] of [[390, '0'], [360, '1'], [1280, '0']] as const) {
  for (const url of ['/documents/kunming-2024-key-points/', '/indicators/in-county-visit-rate/', '/regions/kunming/']) console.log(url, w, l, JSON.stringify(await at({ width: w, height: 800 }, url + '?large=' + l, (p) => p.evaluate(() => [...document.querySelectorAll('table.stacked')].map((t) => {
    const r = t.getBoundingClientRect();
    const sc = t.parentElement!;
    return { rows: t.querySelectorAll('tbody tr').length, w: Math.round(r.width), h: Math.round(r.height), scroll: sc.scrollWidth - sc.clientWidth, page: document.documentElement.scrollWidth - innerWidth };
  })))));
}
await browser.close(); await server.close();
