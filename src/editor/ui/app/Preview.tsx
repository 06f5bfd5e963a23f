/**
 * Preview of the changed page: the server builds the site as it would be published (a staged build, a minute or
 * two) and gives the preview address of this entry's page.
 */
import { useEffect, useRef, useState } from 'react';
import { UI } from '../../../i18n/editor.zh-CN';
import { api } from './api';

export function Preview({ path }: { path: string }) {
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const [url, setUrl] = useState<string | undefined>();
  const [text, setText] = useState<string>('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const poll = async () => {
    const res = await api('GET', '/api/preview/status');
    if (res.status !== 200) return setState('failed');
    if (res.json.state === 'running') {
      setText(res.json.lines?.at(-1) ?? '');
      timer.current = setTimeout(poll, 1000);
    } else if (res.json.state === 'done') {
      setUrl(res.json.url);
      setState('done');
    } else {
      setText((res.json.problems ?? []).map((p: string) => p.split('\n')[0]).join('；'));
      setState('failed');
    }
  };
  const start = async () => {
    setState('running');
    setUrl(undefined);
    const res = await api('POST', '/api/preview', { path });
    if (res.status === 202 || res.status === 200) timer.current = setTimeout(poll, 800);
    else {
      setText(res.json.zh ?? UI.networkError);
      setState('failed');
    }
  };
  return (
    <div className="preview" aria-live="polite">
      <button type="button" className="secondary" onClick={start} disabled={state === 'running'}>
        {state === 'running' ? UI.previewRunning : UI.preview}
      </button>
      {state === 'running' && <p role="status" className="muted">{UI.previewNote}{text ? `　${text}` : ''}</p>}
      {state === 'done' && (
        <p role="status">
          <a href={url ?? `/preview${path}`} target="_blank" rel="noopener">
            {UI.previewOpen}
          </a>
        </p>
      )}
      {state === 'failed' && (
        <p className="error" role="alert">
          {UI.previewFailed}
          {text}
        </p>
      )}
    </div>
  );
}
