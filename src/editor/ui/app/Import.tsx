/** Importing a spreadsheet of figures: checked first, every problem of every row in one table; written only when all pass. */
import { useState } from 'react';
import { UI } from '../../../i18n/editor.zh-CN';
import { api, base64Of } from './api';
import { FilePicker } from './FilePicker';

interface RowProblem {
  row: number | null;
  column: string;
  zh: string;
  suggestion?: string;
  tech?: string;
}
interface Check {
  ok: boolean;
  rows: number;
  file: string;
  problems: RowProblem[];
  warnings: RowProblem[];
  zh?: string;
}

function Table({ caption, list }: { caption: string; list: RowProblem[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{UI.colRow}</th>
            <th scope="col">{UI.colColumn}</th>
            <th scope="col">{UI.colProblem}</th>
            <th scope="col">{UI.colSuggestion}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((p, i) => (
            <tr key={i}>
              <td>{p.row ?? '—'}</td>
              <td>{p.column || '—'}</td>
              <td>{p.zh}</td>
              <td>{p.suggestion ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{UI.tech}</summary>
        <pre>{list.map((p) => p.tech ?? '').join('\n\n')}</pre>
      </details>
    </div>
  );
}

export function ImportPage({ onImported }: { onImported(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [busy, setBusy] = useState(false);
  const [accept, setAccept] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (commit: boolean) => {
    if (!file) return setError(UI.importChoose);
    setBusy(true);
    setError(null);
    setDone(null);
    const body = { name: file.name, data: await base64Of(file), acceptWarnings: accept };
    const res = await api('POST', commit ? '/api/import/commit' : '/api/import/check', body);
    setBusy(false);
    if (commit && res.status === 201) {
      setDone(UI.importDone(res.json.rows));
      setCheck(null);
      onImported();
      return;
    }
    if (res.json && Array.isArray(res.json.problems)) setCheck(res.json);
    if (res.json?.zh && !(res.json.problems?.length)) setError(res.json.zh);
  };
  const badRows = check ? new Set(check.problems.map((p) => p.row)).size : 0;
  return (
    <main id="main">
      <h1>{UI.importTitle}</h1>
      <p>{UI.importIntro}</p>
      <p>
        <a href="/observations-template.csv" download={UI.templateFile}>
          {UI.template}
        </a>
        {UI.templateColumns}
      </p>
      <div className="field">
        <label htmlFor="sheet">{UI.importFile}</label>
        <FilePicker
          id="sheet"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          file={file}
          onFile={(f) => {
            setFile(f);
            setCheck(null);
            setDone(null);
            setAccept(false);
          }}
        />
      </div>
      <button type="button" onClick={() => send(false)} disabled={busy || !file}>
        {UI.importCheck}
      </button>
      <div aria-live="polite">
        {busy && <p role="status">{UI.loading}</p>}
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {done && (
          <p className="notice ok" role="status">
            {done}
          </p>
        )}
        {check && check.problems.length > 0 && (
          <>
            <p className="notice error" role="alert">
              {UI.importBad(check.problems.length, badRows)}
            </p>
            <Table caption={UI.colProblem} list={check.problems} />
          </>
        )}
        {check && check.ok && (
          <p className="notice ok" role="status">
            {UI.importOk(check.rows)}
          </p>
        )}
        {check && check.warnings.length > 0 && <Table caption={UI.importWarn} list={check.warnings} />}
        {check && check.ok && (
          <>
            {check.warnings.length > 0 && (
              <div className="field checkbox">
                <input id="accept" type="checkbox" checked={accept} onChange={(e) => setAccept(e.target.checked)} />
                <label htmlFor="accept">{UI.importAccept}</label>
              </div>
            )}
            <button type="button" onClick={() => send(true)} disabled={busy || (check.warnings.length > 0 && !accept)}>
              {UI.importDo}
            </button>
          </>
        )}
      </div>
    </main>
  );
}
