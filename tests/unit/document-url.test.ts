/** A document's original address may only be a web address: anything else could become a live link or CSV cell. */
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../src/schemas';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// A real document's frontmatter, so only originalUrl varies.
const base = parse(readFileSync('content/documents/zizhong-2024-yigongti.mdx', 'utf8').split('---')[1]);
const withUrl = (originalUrl: string) => documentSchema.safeParse({ ...base, date: String(base.date), originalUrl });

describe('document originalUrl', () => {
  it('accepts the real data as it is, and an http(s) address', () => {
    expect(documentSchema.safeParse({ ...base, date: String(base.date) }).success).toBe(true);
    expect(withUrl('https://www.zizhong.gov.cn/news/1.html').success).toBe(true);
    expect(withUrl('http://example.org/a').success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:msgbox', 'file:///etc/passwd', 'ftp://x.org/a', ' ', ''])(
    'rejects %j',
    (url) => expect(withUrl(url).success).toBe(false),
  );
});
