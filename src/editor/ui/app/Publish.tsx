/** Publishing: one button; the server runs the staged build and reports progress, then the address or the problems. */
import { useEffect, useRef, useState } from 'react';
import { UI } from '../../../i18n/editor.zh-CN';
import { api } from './api';

interface Status {
  state: 'idle' | 'running' | 'done' | 'failed';
  lines: string[];
  url?: string;
  /** The changed page's site path (also when no public address is set, and so no url). */
  path?: string;
  problems?: string[];
}

export function PublishPage() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const poll = async () => {
    const res = await api('GET', '/api/publish/status');
    if (res.status === 200) {
      setStatus(res.json);
      if (res.json.state === 'running') timer.current = setTimeout(poll, 1000);
    }
  };
  useEffect(() => {
    poll();
    return () => clearTimeout(timer.current);
  }, []);
  const start = async () => {
    setError(null);
    const res = await api('POST', '/api/publish');
    if (res.status === 202 || res.status === 200) {
      setStatus({ state: 'running', lines: [] });
      timer.current = setTimeout(poll, 500);
    } else setError(res.status === 403 ? (res.json.zh ?? UI.publishForbidden) : (res.json.zh ?? UI.networkError));
  };
  const running = status?.state === 'running';
  return (
    <main id="main">
      <h1>{UI.publishTitle}</h1>
      <p>{UI.publishIntro}</p>
      <button type="button" onClick={start} disabled={running}>
        {running ? UI.publishRunning : UI.publishButton}
      </button>
      <div aria-live="polite">
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {running && (
          <p role="status">
            <progress aria-label={UI.publishRunning} /> {status?.lines.at(-1) ?? UI.publishRunning}
          </p>
        )}
        {status?.state === 'done' && (
          <div className="notice ok" role="status">
            <p>{UI.publishDone}</p>
            {status.url && (
              <p>
                <a href={status.url} target="_blank" rel="noopener">
                  {UI.publishOpen}：{status.url}
                </a>
              </p>
            )}
            {!status.url && status.path && (
              <p>
                {UI.publishNoAddress}{' '}
                <a href={`/preview${status.path}`} target="_blank" rel="noopener">
                  {UI.publishPreview}
                </a>
              </p>
            )}
          </div>
        )}
        {status?.state === 'failed' && (
          <div className="notice error" role="alert">
            <p>{UI.publishFailed}</p>
            {/* The Chinese words of each problem; where it is (file, line, field) is in the technical details. */}
            <ul>{(status.problems ?? []).map((p, i) => <li key={i}>{p.split('\n')[0].split(' — ').at(-1)}</li>)}</ul>
            <details>
              <summary>{UI.tech}</summary>
              <pre>{(status.problems ?? []).join('\n\n')}</pre>
            </details>
          </div>
        )}
        {status && status.lines.length > 0 && (
          <details>
            <summary>{UI.tech}</summary>
            <pre>{status.lines.join('\n')}</pre>
          </details>
        )}
      </div>
    </main>
  );
}
