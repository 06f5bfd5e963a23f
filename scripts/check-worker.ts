/**
 * Worker thread of `npm run check` (scripts/check-parallel.ts): loads the validation code, says so, then validates
 * the MDX files it is sent while the main thread validates the data files; it posts the result on its port and raises
 * the flag the main thread waits on.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { validateMdx, type SourceFiles } from '../src/data/validate';

parentPort!.once('message', ({ mdx, images, port, done }: { mdx: SourceFiles['mdx']; images?: ReadonlySet<string>; port: MessagePort; done: Int32Array }) => {
  try {
    port.postMessage({ result: validateMdx(mdx, { images }) });
  } catch (error) {
    port.postMessage({ error: String((error as Error)?.stack ?? error) });
  } finally {
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
  }
});
parentPort!.postMessage('ready');
