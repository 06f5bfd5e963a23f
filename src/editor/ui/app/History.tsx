/** An entry's history (editor-ops reads it from git): who changed it, when, who approved it; restore any version. */
import { useEffect, useState } from 'react';
import { UI } from '../../../i18n/editor.zh-CN';
import { api } from './api';
import { historyMessage } from './values';

interface Commit {
  hash: string;
  date: string;
  author: string;
  message: string;
  approvedBy?: string;
}

export function History({ file, id, refresh, onRestored }: { file: string; id: string; refresh?: number; onRestored(): void }) {
  const [commits, setCommits] = useState<Commit[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = () =>
    api('GET', `/api/history?file=${encodeURIComponent(file)}&id=${encodeURIComponent(id)}`).then((res) => {
      if (res.status === 200 && Array.isArray(res.json.commits)) setCommits(res.json.commits);
      else setFailed(true);
    });
  useEffect(() => {
    load();
  }, [file, id, refresh]);
  const restore = async (hash: string) => {
    const res = await api('POST', '/api/history/restore', { file, id, hash });
    if (res.status === 200 || res.status === 201) {
      setMessage({ ok: true, text: UI.restored });
      onRestored();
      load();
    } else
      setMessage({
        ok: false,
        text: res.json.problems?.map((p: { zh: string }) => p.zh).join('；') ?? res.json.zh ?? UI.networkError,
      });
  };
  return (
    <section className="history" aria-labelledby="hist-h">
      <h2 id="hist-h">{UI.history}</h2>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </p>
      )}
      {failed && <p className="muted">{UI.historyUnavailable}</p>}
      {commits && commits.length === 0 && <p className="muted">{UI.historyNone}</p>}
      {commits && commits.length > 0 && (
        <ol className="commits">
          {commits.map((c, i) => {
            const message = historyMessage(c.message, c.author);
            return (
              <li key={c.hash}>
                <p>
                  <strong>{c.date.slice(0, 16).replace('T', ' ')}</strong> {message.text}
                </p>
                {message.tech && (
                  <details className="tech">
                    <summary>{UI.tech}</summary>
                    <pre>{message.tech}</pre>
                  </details>
                )}
                <p className="muted">
                  {UI.by}
                  {message.by}
                  {c.approvedBy ? `　${UI.approvedBy}${c.approvedBy}` : ''}
                </p>
                {i > 0 && (
                  <button type="button" className="secondary" onClick={() => restore(c.hash)}>
                    {UI.restore}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
