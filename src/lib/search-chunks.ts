/**
 * Which of a query's pair terms to search, so that a first search fetches few of Pagefind's index chunks.
 *
 * Pagefind cuts its index into chunks of about 27 KB each, by word order, and fetches the chunk each searched term
 * falls in. A long Han word has many pairs (麻屯镇卫生院: five), which land in as many chunks; yet one pair already
 * narrows the pages to read, and the word is then checked whole on their text. So for each Han run at least one pair
 * is searched, choosing pairs in chunks the query needs anyway. The chunk ranges come from Pagefind's metadata file
 * (pf_meta, CBOR), read here as far as needed. Runs in the browser; imports nothing.
 */

/** A chunk of Pagefind's index: the first and last word it holds (possibly shortened), and its file. */
export interface IndexChunk {
  from: string;
  to: string;
  hash: string;
}

/** What Pagefind writes at the start of each data file once inflated. */
export const SIGNATURE = 'pagefind_dcd';

/** The generic CBOR items pf_meta uses: unsigned and negative integers, bytes, text, arrays, maps, simple values. */
function readCbor(bytes: Uint8Array, start: number): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let i = start;
  const read = (): unknown => {
    const head = bytes[i++];
    const major = head >> 5;
    const info = head & 31;
    let n = info;
    if (info === 24) n = bytes[i++];
    else if (info === 25) (n = view.getUint16(i)), (i += 2);
    else if (info === 26) (n = view.getUint32(i)), (i += 4);
    else if (info === 27) (n = Number(view.getBigUint64(i))), (i += 8);
    else if (info === 31) n = -1;
    else if (info > 27) throw new Error(`pf_meta: CBOR head ${head}`);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        return bytes.subarray(i, (i += n));
      case 3:
        return text.decode(bytes.subarray(i, (i += n)));
      case 4: {
        const items: unknown[] = [];
        if (n === -1) {
          while (bytes[i] !== 0xff) items.push(read());
          i++;
        } else for (let k = 0; k < n; k++) items.push(read());
        return items;
      }
      case 5: {
        const map = new Map<unknown, unknown>();
        for (let k = 0; k < n; k++) map.set(read(), read());
        return map;
      }
      case 7:
        return null;
      default:
        throw new Error(`pf_meta: CBOR major type ${major}`);
    }
  };
  return read();
}

/**
 * The index chunks listed in an inflated pf_meta file (Pagefind 1.x: [version, pages, chunks, …], each chunk
 * [from, to, hash]); undefined if the file is not in that shape, so the caller searches every term as before.
 */
export function indexChunks(meta: ArrayBuffer): IndexChunk[] | undefined {
  try {
    const bytes = new Uint8Array(meta);
    if (new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length)) !== SIGNATURE) return undefined;
    const root = readCbor(bytes, SIGNATURE.length);
    const list = Array.isArray(root) ? root[2] : undefined;
    if (!Array.isArray(list) || !list.length) return undefined;
    const chunks = list.map((c) => (Array.isArray(c) ? c : []));
    if (!chunks.every((c) => typeof c[0] === 'string' && typeof c[1] === 'string' && typeof c[2] === 'string')) return undefined;
    return chunks.map(([from, to, hash]) => ({ from, to, hash }));
  } catch {
    return undefined;
  }
}

/**
 * The chunk Pagefind fetches for a term (its request_indexes): the first whose range holds the term; failing that,
 * the first whose range, cut to the term's length, does. Undefined: no chunk, so the term is on no page.
 */
export function chunkOf(chunks: IndexChunk[], term: string): string | undefined {
  const strict = chunks.find((c) => term >= c.from && term <= c.to);
  if (strict) return strict.hash;
  const length = new TextEncoder().encode(term).length;
  const cut = (s: string) => [...s].slice(0, length).join('');
  return chunks.find((c) => term >= cut(c.from) && term <= cut(c.to))?.hash;
}

/**
 * The terms to search: every term that is not a pair; every pair in a chunk those need anyway or in no chunk (free,
 * and it tells the pair is on no page); then, while some run has no pair chosen, the chunk holding pairs of the most
 * such runs, with all the query's pairs in it (ties: the chunk with more of them). `runs` lists each Han run's pair
 * terms. `more` chunks are added after that, each the one holding most pairs not yet chosen: more pairs, fewer
 * candidate pages to read.
 */
export function termsToSearch(terms: string[], runs: string[][], chunk: (term: string) => string | undefined, more = 0): Set<string> {
  const pairs = new Set(runs.flat());
  const chosen = new Set(terms.filter((t) => !pairs.has(t)));
  const needed = new Set([...chosen].map(chunk));
  const addFree = () => pairs.forEach((p) => (chunk(p) === undefined || needed.has(chunk(p))) && chosen.add(p));
  addFree();
  for (;;) {
    const open = runs.filter((run) => run.length && !run.some((p) => chosen.has(p)));
    if (!open.length) break;
    const runsIn = new Map<string, number>();
    for (const run of open) for (const c of new Set(run.map(chunk))) if (c) runsIn.set(c, (runsIn.get(c) ?? 0) + 1);
    const best = mostOf(runsIn);
    if (!best) break;
    needed.add(best);
    addFree();
  }
  for (let k = 0; k < more; k++) {
    const best = mostOf(pairCounts([...pairs].filter((p) => !chosen.has(p))));
    if (!best) break;
    needed.add(best);
    addFree();
  }
  return chosen;

  function pairCounts(list: string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const p of list) {
      const c = chunk(p);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    return counts;
  }
  /** The key with the highest count; ties go to the chunk holding more of the query's pairs. */
  function mostOf(counts: Map<string, number>): string | undefined {
    const all = pairCounts([...pairs]);
    return [...counts].sort((a, b) => b[1] - a[1] || (all.get(b[0]) ?? 0) - (all.get(a[0]) ?? 0))[0]?.[0];
  }
}
