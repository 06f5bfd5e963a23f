/**
 * Each validated entry's fingerprint, for incremental publishing (src/publishing/incremental.ts): a hash of the entry's
 * JSON text as `npm run build`'s check hands it to the Astro process (./read-sources.ts `writeHandoff`). The entry the
 * Astro process renders from is that text parsed, so equal texts are equal entries: a key read by pages is then
 * fingerprinted from its entries' prints, and the nation's entries are never written out again to be hashed in each
 * build. The check computes a print only for the files it validates (src/data/validate/cache.ts keeps the prints of
 * the files it did not): a build pays for what changed.
 */
import { createHash } from 'node:crypto';

/** The fingerprint of an entry from its JSON text (base64url, 27 characters). */
export function entryPrint(json: string): string {
  return createHash('sha256').update(json).digest('base64url').slice(0, 27);
}

declare global {
  // eslint-disable-next-line no-var
  var __yigongtiEntryPrints: WeakMap<object, string> | undefined;
}

/**
 * The prints of the entries this process parsed from the handoff, by entry (kept on the global object: the pages and
 * the integrations are separate module instances). Empty outside `npm run build`.
 */
export const entryPrints = (): WeakMap<object, string> => (globalThis.__yigongtiEntryPrints ??= new WeakMap());
