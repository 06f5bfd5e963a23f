/**
 * The excerpt under a search result: a stretch of the page's text around the best match, with every matched part of
 * the query marked. Matches are found in the text itself, so a sentence query marks only what the page really says
 * ("我想去麻屯镇卫生院看病" marks 麻屯镇卫生院). Runs in the browser; imports nothing.
 */

export interface Segment {
  text: string;
  mark: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for a Latin word or number as pages write it: any case, digits with or without thousands commas. */
function wordPattern(word: string): string {
  return [...word.replace(/,/g, '')].map((ch, i, all) => escapeRegExp(ch) + (/\d/.test(ch) && /\d/.test(all[i + 1] ?? '') ? ',?' : '')).join('');
}

/**
 * What of the query's parts the text contains: for a run of Han characters, its longest pieces (two characters or
 * more) found in the text, read left to right; a single character only when it is the whole part; a word as written.
 */
export function matchedPieces(parts: string[], text: string): RegExp[] {
  const patterns: string[] = [];
  for (const part of parts) {
    if (!/\p{Script=Han}/u.test(part)) {
      patterns.push(wordPattern(part));
      continue;
    }
    const chars = [...part];
    if (chars.length === 1) {
      if (text.includes(part)) patterns.push(escapeRegExp(part));
      continue;
    }
    for (let i = 0; i < chars.length; ) {
      let end = 0;
      for (let j = chars.length; j >= i + 2; j--) {
        if (text.includes(chars.slice(i, j).join(''))) {
          end = j;
          break;
        }
      }
      if (end) {
        patterns.push(escapeRegExp(chars.slice(i, end).join('')));
        i = end;
      } else i++;
    }
  }
  const unique = [...new Set(patterns)].sort((a, b) => b.length - a.length);
  return unique.map((p) => new RegExp(p, 'giu'));
}

/** Where the pieces occur in the text, overlaps merged. */
function ranges(text: string, pieces: RegExp[]): [number, number][] {
  const found: [number, number][] = [];
  for (const piece of pieces) for (const m of text.matchAll(piece)) if (m[0]) found.push([m.index!, m.index! + m[0].length]);
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/**
 * About `length` characters of the text around its best match (the stretch holding the most matched characters),
 * cut into marked and unmarked segments, with "…" where the text goes on. Without a match, the text's beginning.
 */
export function excerpt(text: string, parts: string[], length = 90): Segment[] {
  const found = ranges(text, matchedPieces(parts, text));
  let start = 0;
  if (found.length) {
    let best = -1;
    for (const [s] of found) {
      const from = Math.max(0, s - Math.floor(length / 4));
      const covered = found.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, from + length) - Math.max(a, from)), 0);
      if (covered > best) {
        best = covered;
        start = from;
      }
    }
  }
  // Start at the sentence the best match is in, not in the tail of the one before (boilerplate, as often as not).
  const first = found.find(([a]) => a >= start);
  if (first) {
    const boundary = Math.max(...[...'。！？；'].map((mark) => text.lastIndexOf(mark, first[0] - 1)));
    if (boundary >= start) start = boundary + 1;
    while (text[start] === ' ') start++;
  }
  const end = Math.min(text.length, start + length);
  const segments: Segment[] = [];
  let at = start;
  for (const [a, b] of found) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    if (from > at) segments.push({ text: text.slice(at, from), mark: false });
    segments.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < end) segments.push({ text: text.slice(at, end), mark: false });
  if (start > 0) segments.unshift({ text: '…', mark: false });
  if (end < text.length) segments.push({ text: '…', mark: false });
  return segments;
}
