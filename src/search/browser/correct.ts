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
/** Words that say what kind of place a name is: changing one makes another place, not a typo. */
const PLACE_WORDS = ['省', '市', '县', '区', '镇', '乡', '村', '州', '旗'];

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
      // characters anchor it). One character off: three or more characters, never a place word changed (孟津镇 is
      // not 孟津县: 县/区/镇…), and the piece the start of a name: a piece from a name's middle is no name a reader
      // meant (470名医生 is not a mistyped 院医生 of 三级医院医生人数). 临沂市中医医阮 is 临沂市中医医院.
      const keeps = differ < n;
      const changed = piece.findIndex((ch, k) => ch !== chars[k]);
      const placeWord = PLACE_WORDS.includes(piece[changed]!) || PLACE_WORDS.includes(chars[changed]!);
      if ((soundAlike && keeps) || (differ === 1 && n >= 3 && i === 0 && !placeWord)) found.add(piece.join(''));
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}
