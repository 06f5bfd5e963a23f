import { launchBrowser } from '../tests/support/browser';
import { serveSite } from '../tests/support/server';
import { builtPages } from '../tests/support/site-pages';
const server = await serveSite();
const browser = await launchBrowser();
const sheets = builtPages().filter((p) => /^\/groups\/[^/]+\/referral\/$/.test(p.url));
for (const large of ['0', '1']) {
  const counts: string[] = [];
  for (const s of sheets) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${server.url}${s.url}?large=${large}`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    const min = await page.evaluate(() => Math.min(...[...document.querySelectorAll('main p, main li, main td, main th, main dd')].filter((e) => (e as HTMLElement).offsetParent !== null && e.textContent!.trim()).map((e) => parseFloat(getComputedStyle(e).fontSize))));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    counts.push(`${s.url.split('/')[2]}:${pages}p min${min}px`);
    await ctx.close();
  }
  console.log('large', large, sheets.length, counts.join(' '));
}
await browser.close(); await server.close();
