/**
 * The site's public address, one build-time setting (SITE_URL). A build without it (or with a local address such as
 * http://localhost:4321) is a preview: nothing a reader can print, share or copy (QR codes, citations, embed code,
 * og/canonical tags, CSV URL columns, RSS, the sitemap, chart credit lines) carries the local address, because on paper
 * or in a WeChat share it leads nowhere. Pure functions here; `buildSiteAddress()` reads the environment once.
 */

/** Where `npm start` serves a build, and the address Astro builds with when SITE_URL is unset. */
export const LOCAL_SITE = 'http://localhost:4321';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', '[::]']);

/** The address the build works under, and the public one when there is one. */
export interface SiteAddress {
  /** Astro's `site`: the public address, or the local preview address. */
  build: URL;
  /** The published address; undefined in a preview build, when no shareable file may carry an address. */
  public?: URL;
}

/** True for an address only this machine can open (localhost, loopback, unspecified, *.localhost). */
export function isLocalAddress(url: URL): boolean {
  return LOCAL_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost') || /^127\./.test(url.hostname);
}

/**
 * Reads SITE_URL: an http(s) address, its path kept as the site's root. Unset, empty or local, the build is a preview.
 * A value that is not an http(s) address throws with a message naming the setting (Chinese, then English).
 */
export function readSiteAddress(value: string | undefined): SiteAddress {
  const text = value?.trim();
  if (!text) return { build: new URL(LOCAL_SITE) };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`SITE_URL 不是网址：${text}（应如 https://yigongti.gov.cn）/ SITE_URL is not an address: ${text} (e.g. https://yigongti.gov.cn)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL 只能是 http 或 https 网址：${text} / SITE_URL must be an http(s) address: ${text}`);
  }
  return isLocalAddress(url) ? { build: url } : { build: url, public: url };
}

/** The public address behind Astro's `site` (`Astro.site`, `import.meta.env.SITE`), or undefined for a local preview. */
export function publicSite(site: URL | string | undefined): URL | undefined {
  if (!site) return undefined;
  const url = new URL(site);
  return isLocalAddress(url) ? undefined : url;
}

/** The absolute address of a site path to print or share, or undefined in a preview build. */
export function shareableUrl(path: string, site: URL | undefined): string | undefined {
  return site ? new URL(path, site).href : undefined;
}

/** A link to a site path: absolute at the public address, the bare path in a preview (it works wherever the site is served). */
export function siteLink(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}

/** The one loud line a preview build prints (Chinese, then English). */
export function previewWarning(): string {
  const line = '!'.repeat(78);
  return [
    line,
    `! SITE_URL 未设置：这是预览构建。打印的转诊单没有二维码，引用、嵌入代码、分享卡片（og）、canonical、`,
    `! CSV 网址列、RSS、站点地图和图表署名都不带网址。发布前请设置 SITE_URL=https://你的网址 再构建。`,
    `! SITE_URL is not set: a preview build. Printed sheets carry no QR code; citations, embed code, og/canonical,`,
    `! CSV URL columns, RSS, the sitemap and chart credits carry no address. Set SITE_URL before publishing.`,
    line,
  ].join('\n');
}

/** Takes the local origin out of a text file's addresses (a feed's links become site paths); unchanged when `site` is public. */
export function withoutLocalOrigin(text: string, site: URL | string | undefined): string {
  if (!site || publicSite(site)) return text;
  const origin = new URL(site).origin;
  return text.split(origin + '/').join('/').split(origin).join('/');
}

/** An RSS response built by @astrojs/rss (which needs an absolute site), with the local origin taken out in a preview. */
export async function previewFeed(site: URL | undefined, response: Response): Promise<Response> {
  if (!site || publicSite(site)) return response;
  return new Response(withoutLocalOrigin(await response.text(), site), { status: response.status, headers: response.headers });
}
