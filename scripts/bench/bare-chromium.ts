/**
 * Chromium driven over its DevTools pipe with nothing but script evaluation, for timing pages as a reader's browser
 * runs them. Playwright (tests/support/browser.ts, used by the tests) follows every request through the DevTools
 * Network domain; on the 2-core development machine that doubled what a request cost the page (five parallel 2 KB
 * fetches on a fresh page: 31–64 ms under Playwright, 14–20 ms without), which a reader's browser does not pay.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/support/browser';

export interface Tab {
  /** The value of a script expression in the page (a promise is awaited); throws what the script throws. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls an expression until it is true. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface BareBrowser {
  /** A page at this address in a context of its own (no cache or connections shared with other tabs). */
  open(url: string): Promise<Tab>;
  close(): Promise<void>;
}

interface Message {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** Evaluates an expression every 10 ms until it is true (a page's script may not run `eval`: its CSP forbids it). */
export async function pollUntil(evaluate: (expression: string) => Promise<unknown>, expression: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // While the page is still loading its context can go away mid-call: that is "not yet".
    if (await evaluate(`Boolean(${expression})`).catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function launchBare(): Promise<BareBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'yigongti-bare-'));
  const chrome = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const toBrowser = chrome.stdio[3] as Writable;
  const fromBrowser = chrome.stdio[4] as Readable;
  const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  let lastId = 0;
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffered += chunk;
    // Messages are JSON, each ended by a NUL.
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      const waiting = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiting) continue;
      pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message);
    }
  });
  const exited = new Promise<void>((done) => chrome.once('exit', () => done()));

  function send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = ++lastId;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: (m) => resolve(m.result as T), reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  async function open(url: string): Promise<Tab> {
    const { browserContextId } = await send<{ browserContextId: string }>('Target.createBrowserContext');
    const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url, browserContextId });
    const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const evaluate = async <T>(expression: string): Promise<T> => {
      const { result, exceptionDetails } = await send<{ result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
        'Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true },
        sessionId,
      );
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    };
    return {
      evaluate,
      waitFor: (expression, timeoutMs) => pollUntil(evaluate, expression, timeoutMs),
      close: async () => {
        await send('Target.disposeBrowserContext', { browserContextId });
      },
    };
  }

  return {
    open,
    async close() {
      await send('Browser.close').catch(() => undefined);
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
