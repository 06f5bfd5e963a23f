import { describe, expect, it } from 'vitest';
import { chunkOf, indexChunks, termsToSearch, type IndexChunk } from '../../src/lib/search-chunks';

/** A few CBOR items, enough to write a pf_meta file by hand. */
function cbor(value: unknown): number[] {
  const head = (major: number, n: number) => (n < 24 ? [(major << 5) | n] : n < 256 ? [(major << 5) | 24, n] : [(major << 5) | 25, n >> 8, n & 255]);
  if (typeof value === 'number') return head(0, value);
  if (typeof value === 'string') {
    const bytes = [...new TextEncoder().encode(value)];
    return [...head(3, bytes.length), ...bytes];
  }
  if (Array.isArray(value)) return [...head(4, value.length), ...value.flatMap(cbor)];
  throw new Error('unsupported');
}
const meta = (root: unknown, signature = 'pagefind_dcd') => new Uint8Array([...new TextEncoder().encode(signature), ...cbor(root)]).buffer;

const CHUNKS: IndexChunk[] = [
  { from: '0', to: 'linyi', hash: 'zh_a' },
  { from: 'linyif', to: 'yq5', hash: 'zh_b' },
  { from: 'yq5a', to: 'yq6y06', hash: 'zh_c' },
  { from: 'yq6y07', to: 'yq9', hash: 'zh_d' },
  { from: 'yqa', to: '龥', hash: 'zh_e' },
];

describe('the index chunks listed in Pagefind metadata', () => {
  it('reads each chunk’s word range and file', () => {
    const root = ['1.6.0', [['p1', 1778, ''], ['p2', 1308, '']], CHUNKS.map((c) => [c.from, c.to, c.hash]), [], []];
    expect(indexChunks(meta(root))).toEqual(CHUNKS);
  });

  it('gives up, rather than guess, on files of another shape', () => {
    const chunks = CHUNKS.map((c) => [c.from, c.to, c.hash]);
    for (const bad of [
      meta(['1.6.0', [], chunks], 'pagefind_xxx'),
      meta(['1.6.0', [], []]),
      meta(['1.6.0', [], [[1, 2, 3]]]),
      meta('1.6.0'),
      meta(['1.6.0', [], chunks]).slice(0, 30),
      new ArrayBuffer(0),
    ])
      expect(indexChunks(bad)).toBeUndefined();
  });
});

describe('the chunk Pagefind fetches for a term', () => {
  it('is the chunk whose range holds it', () => {
    expect(chunkOf(CHUNKS, 'mengjin')).toBe('zh_b');
    expect(chunkOf(CHUNKS, 'yq5abcde')).toBe('zh_c');
    expect(chunkOf(CHUNKS, '下')).toBe('zh_e');
  });

  it('is none for a term between two chunks (Pagefind fetches nothing: no page holds it)', () => {
    expect(chunkOf(CHUNKS, 'yq6y0612')).toBeUndefined();
    expect(chunkOf(CHUNKS, 'yq9z')).toBeUndefined();
  });
});

describe('the pair terms searched first', () => {
  // Pairs named after their chunk: b1 lies in chunk b, and so on.
  const chunk = (term: string) => (term.startsWith('none') ? undefined : term[0]);

  it('searches every term that is not a pair, and every pair in a chunk those fetch anyway', () => {
    const chosen = termsToSearch(['c-lone', 'a1', 'c2', 'b3', 'latin-d'], [['a1', 'c2', 'b3']], chunk);
    expect([...chosen].sort()).toEqual(['c-lone', 'c2', 'latin-d']);
  });

  it('keeps at least one pair of every run, fetching as few chunks as it can', () => {
    const runs = [['a1', 'b1'], ['b2', 'c2'], ['d3', 'b3', 'e3']];
    const chosen = termsToSearch(runs.flat(), runs, chunk);
    expect([...chosen].sort()).toEqual(['b1', 'b2', 'b3']);
    for (const run of runs) expect(run.some((p) => chosen.has(p))).toBe(true);
  });

  it('always searches a pair in no chunk: free, and a pair on no page sends the query to the full search', () => {
    const chosen = termsToSearch(['a1', 'none2', 'b3', 'c4'], [['a1', 'none2', 'b3'], ['c4']], chunk);
    expect([...chosen].sort()).toEqual(['c4', 'none2']);
  });

  it('adds the chunk with most pairs left for each one asked for more, until every pair is searched', () => {
    const runs = [['a1', 'c1', 'c2', 'b1', 'b2', 'b3']];
    expect([...termsToSearch(runs.flat(), runs, chunk, 0)].sort()).toEqual(['b1', 'b2', 'b3']);
    expect([...termsToSearch(runs.flat(), runs, chunk, 1)].sort()).toEqual(['b1', 'b2', 'b3', 'c1', 'c2']);
    expect(termsToSearch(runs.flat(), runs, chunk, 5).size).toBe(6);
  });
});
