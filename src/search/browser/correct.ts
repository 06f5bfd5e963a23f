/**
 * Corrections of a mistyped name (梦津县 → 孟津县, 进宁区 → 晋宁区) from the names of the pages a search came near, and
 * the characters' readings it hears them by: /finder/sounds.json (toneless syllable → characters, GB 2312 and every
 * character of the site's names), 16 KB gzip and read as the finder reads it (src/search/shared/names.ts), where the
 * pinyin library was 139 KB. Runs in the browser.
 */
import type { Readings } from '../shared/names';

/**
 * The one name that `typed` (a run of Han characters) is a confident mistyping of, among the names given: a piece of
 * a name as long as `typed` that sounds the same character by character (梦津县 → 孟津县), or, for three characters or
 * more, differs in one character only (孟津镇 is not 孟津县's typo: it differs in a place word, so it must sound alike).
 * Undefined when no name fits or when two different pieces do (then the reader chooses from suggestions).
 */
export function correctionOf(typed: string, names: string[], readings: Readings): string | undefined {
  const chars = [...typed];
  const n = chars.length;
  if (n < 2) return undefined;
  const sounds = chars.map((ch) => readings.get(ch));
  const found = new Set<string>();
  for (const name of names) {
    const nameChars = [...name];
    for (let i = 0; i + n <= nameChars.length; i++) {
      const piece = nameChars.slice(i, i + n);
      let differ = 0;
      let soundAlike = true;
      for (let k = 0; k < n; k++) {
        if (piece[k] === chars[k]) continue;
        differ++;
        const s = sounds[k];
        if (!s || readings.get(piece[k]) !== s) soundAlike = false;
      }
      if (differ === 0) continue;
      // Sound-alike: every changed character reads the same, and at least one character is kept (a name's other
      // characters anchor it). One character off: three or more characters, the changed one not at the end (县/区/镇).
      const keeps = differ < n;
      if ((soundAlike && keeps) || (differ === 1 && n >= 3 && piece[n - 1] === chars[n - 1])) found.add(piece.join(''));
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}
