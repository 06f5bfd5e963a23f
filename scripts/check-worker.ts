/**
 * Worker thread of `npm run check` (scripts/check-parallel.ts): loads the validation code, says so, then validates
 * the MDX files it is sent while the main thread validates the data files; it posts the result on its port and raises
 * the flag the main thread waits on.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { join } from 'node:path';
import { validateMdx, type SourceFiles } from '../src/data/validate';
import { ValidationCache } from '../src/data/validate/cache';

parentPort!.once('message', ({ mdx, images, cache, port, done }: { mdx: SourceFiles['mdx']; images?: ReadonlySet<string>; cache?: CacheAt; port: MessagePort; done: Int32Array }) => {
  try {
    // The MDX files' own cache, beside the data files' (its key also holds public/'s files, which bodies' images name).
    const kept = cache && new ValidationCache(join(cache.dir, 'mdx'), cache.code, ValidationCache.imagesKey(images));
    port.postMessage({ result: validateMdx(mdx, { images, cache: kept }) });
    kept?.prune();
  } catch (error) {
    port.postMessage({ error: String((error as Error)?.stack ?? error) });
  } finally {
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
  }
});
parentPort!.postMessage('ready');

/** Where the validation cache is and the code it is for (scripts/check-parallel.ts). */
export interface CacheAt {
  dir: string;
  code: string;
}
