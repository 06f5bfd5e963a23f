import { launchBrowser } from '../tests/support/browser';
import { serveSite } from '../tests/support/server';
import { templatePages } from '../tests/support/site-pages';
const server = await serveSite();
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
const page = await ctx.newPage();
for (const p of templatePages()) {
  await page.goto(server.url + p.url + '?large=1');
  const wide = await page.evaluate(() => [...document.querySelectorAll('table')].map((t) => {
    const sc = t.closest('.table-scroll') as HTMLElement | null;
    return { cls: t.className, id: t.id, over: sc ? sc.scrollWidth - sc.clientWidth : t.scrollWidth - t.clientWidth, cols: t.querySelectorAll('thead th').length, rows: t.querySelectorAll('tbody tr').length };
  }).filter((x) => x.over > 0));
  if (wide.length) console.log(p.url, JSON.stringify(wide));
}
await browser.close(); await server.close();
