/**
 * `npm run check` on both cores: the MDX files (a tenth to a third of check's time, most of it the Markdown parser)
 * are validated in a worker thread while the main thread validates the data files; the main thread then checks
 * references across all of them. `validateDataset` stays synchronous (the editor and the tests call it): it asks for
 * the worker's result through `options.mdx`, which waits for it. The result is small (one entry per MDX file), so
 * passing it back costs little; the data files' entries, hundreds of thousands, stay where they are parsed.
 */
import { once } from 'node:events';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { join } from 'node:path';
import { validateDataset, validateMdx, type MdxValidated, type SourceFiles, type ValidateOptions } from '../src/data/validate';
import { ValidationCache } from '../src/data/validate/cache';
import type { CacheAt } from './check-worker';

/** Longest wait for the worker before validating the MDX files here instead. */
const WORKER_TIMEOUT_MS = 10 * 60_000;

/**
 * A worker thread with the validation code loaded. The main thread must not block while a worker starts (module
 * loading goes through it), so this waits for the worker to say it is ready.
 */
export async function startCheckWorker(): Promise<Worker> {
  const worker = new Worker(new URL('./check-worker.ts', import.meta.url));
  await once(worker, 'message');
  return worker;
}

/** Sends the MDX files to a ready worker; the function returned waits for the result. */
export function validateMdxInWorker(worker: Worker, mdx: SourceFiles['mdx'], images?: ReadonlySet<string>, cache?: CacheAt): () => MdxValidated {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ mdx, images, cache, port: port2, done }, [port2]);
  // Whatever goes wrong in the worker, the MDX files are still validated, here.
  worker.on('error', () => {});
  return () => {
    Atomics.wait(done, 0, 0, WORKER_TIMEOUT_MS);
    const message = receiveMessageOnPort(port1)?.message as { result?: MdxValidated; error?: string } | undefined;
    port1.close();
    void worker.terminate();
    if (message?.result) return message.result;
    if (message?.error) console.error(`(MDX check worker failed, checking here instead: ${message.error.split('\n')[0]})`);
    return validateMdx(mdx, { images });
  };
}

/**
 * `validateDataset` with the MDX files validated in a worker thread at the same time as the data files. With `cache`
 * (`npm run build`), each file whose bytes an earlier run validated with the same code is taken from the cache
 * (src/data/validate/cache.ts): the data files' in `<dir>/data`, the MDX files' in `<dir>/mdx`; what spans files is
 * checked whole as always. The data files' cache is returned (`dataCache`): the handoff copies their values from it.
 * The only place the caches are set up (the worker sets up the MDX files' from the same `cache`).
 */
export async function validateDatasetInParallel(
  files: SourceFiles,
  options: Omit<ValidateOptions, 'cache' | 'mdx'> = {},
  cache?: CacheAt,
): Promise<ReturnType<typeof validateDataset> & { dataCache?: ValidationCache }> {
  const worker = await startCheckWorker().catch(() => undefined);
  const data = cache && new ValidationCache(join(cache.dir, 'data'), cache.code);
  // Without a worker (on Node 20 under tsx the worker cannot load its TypeScript module), the MDX files are validated
  // here, after the data files, with their own cache.
  const mdx = cache && !worker ? new ValidationCache(join(cache.dir, 'mdx'), cache.code, ValidationCache.imagesKey(files.public?.files)) : undefined;
  const result = validateDataset(files, {
    ...options,
    ...(data ? { cache: data } : {}),
    ...(worker ? { mdx: validateMdxInWorker(worker, files.mdx, files.public?.files, cache) } : mdx ? { mdx: () => validateMdx(files.mdx, { images: files.public?.files, cache: mdx }) } : {}),
  });
  data?.prune();
  mdx?.prune();
  return Object.assign(result, { dataCache: data });
}
