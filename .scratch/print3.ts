import { launchBrowser } from '../tests/support/browser';
import { serveSite } from '../tests/support/server';
import { builtPages } from '../tests/support/site-pages';
const css = process.argv[2] ?? '';
const server = await serveSite();
const browser = await launchBrowser();
const sheets = builtPages().filter((p) => /^\/groups\/[^/]+\/referral\/$/.test(p.url));
for (const large of ['0', '1']) {
  const counts: string[] = [];
  for (const s of sheets) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${server.url}${s.url}?large=${large}`, { waitUntil: 'networkidle' });
    if (css) await page.addStyleTag({ content: css });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    counts.push(`${pages}`);
    await ctx.close();
  }
  console.log('large', large, counts.join(' '));
}
await browser.close(); await server.close();
