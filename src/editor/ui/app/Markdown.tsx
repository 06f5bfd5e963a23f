/**
 * The body of an update or digest: @uiw/react-md-editor (Markdown with a toolbar and a preview) limited to what the
 * site's MDX policy allows (headings, emphasis, lists, quotes, links, images under /images/); no HTML, code or tables.
 * The server's check still decides on save. Images are uploaded here and inserted as ![说明](/images/…).
 * While the text is typed, the server checks it against the same policy (POST /api/body/check, after a pause in
 * typing) and the problems are listed under the box, by line, before 保存.
 */
import { useEffect, useState } from 'react';
import { Controller } from 'react-hook-form';
import MDEditor, { commands, type ICommand } from '@uiw/react-md-editor/nohighlight';
import { UI } from '../../../i18n/editor.zh-CN';
import { api, base64Of } from './api';
import { FilePicker } from './FilePicker';
import { chinese } from './values';
import { insertLink } from './link-command';

const named = (command: ICommand, label: string, icon?: string): ICommand => ({ ...command, buttonProps: { 'aria-label': label, title: label }, ...(icon ? { icon: <span className="tool-word">{icon}</span> } : {}) });
const T = UI.toolbar;
const TOOLBAR: ICommand[] = [
  named(commands.title2, T.heading, T.heading),
  named(commands.bold, T.bold),
  named(commands.italic, T.italic),
  commands.divider,
  named(commands.unorderedListCommand, T.list),
  named(commands.orderedListCommand, T.numbered),
  named(commands.quote, T.quote),
  named({ ...commands.link, execute: insertLink }, T.link),
  named(commands.hr, T.rule, '—'),
];
const VIEWS: ICommand[] = [named(commands.codeEdit, T.editOnly), named(commands.codeLive, T.sideBySide), named(commands.codePreview, T.previewOnly)];

export function MarkdownField({ id, name, label, describedBy, error }: { id: string; name: string; label: string; describedBy?: string; error?: string }) {
  return (
    <Controller
      name={name}
      render={({ field }) => (
        <div className="field markdown" data-field={name}>
          <label htmlFor={id}>{label}</label>
          <p className="hint" id={`${id}-hint`}>
            {UI.bodyHint}
          </p>
          <div data-color-mode="light">
            <MDEditor
              value={String(field.value ?? '')}
              onChange={(v) => field.onChange(v ?? '')}
              onBlur={field.onBlur}
              commands={TOOLBAR}
              extraCommands={VIEWS}
              preview="edit"
              height={360}
              visibleDragbar={false}
              textareaProps={{ id, 'aria-describedby': [`${id}-hint`, describedBy].filter(Boolean).join(' '), 'aria-invalid': error ? true : undefined } as never}
              previewOptions={{ skipHtml: true, disallowedElements: ['script', 'iframe', 'style'] } as never}
            />
          </div>
          {error && (
            <p className="error" id={`${id}-error`} role="alert">
              {chinese(error)}
            </p>
          )}
          <BodyCheck id={id} text={String(field.value ?? '')} />
          <ImageUpload onInsert={(md) => field.onChange(`${String(field.value ?? '').trimEnd()}\n\n${md}\n`)} />
        </div>
      )}
    />
  );
}

/** How long typing must pause before the body is checked. */
const CHECK_PAUSE_MS = 700;

/** Problems the MDX policy finds in the text, refreshed after each pause in typing; a polite live region, not an alert. */
function BodyCheck({ id, text }: { id: string; text: string }) {
  const [problems, setProblems] = useState<{ line: number; zh: string; hint: string }[]>([]);
  useEffect(() => {
    if (!text.trim()) return setProblems([]);
    let stale = false;
    const timer = setTimeout(async () => {
      const res = await api('POST', '/api/body/check', { body: text });
      if (!stale && res.status === 200 && Array.isArray(res.json.problems)) setProblems(res.json.problems);
    }, CHECK_PAUSE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text]);
  return (
    <div className="body-check" id={`${id}-check`} aria-live="polite">
      {problems.length > 0 && (
        <>
          <p className="error">{UI.bodyCheckTitle}</p>
          <ul className="error">
            {problems.map((p, i) => (
              <li key={i}>
                {UI.bodyCheckLine(p.line)}
                {p.zh}
                {p.hint && <span className="hint">（{p.hint}）</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ImageUpload({ onInsert }: { onInsert(markdown: string): void }) {
  const [alt, setAlt] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    if (!file) return setMessage({ ok: false, text: UI.imageMissing, field: 'file' });
    if (!alt.trim()) return setMessage({ ok: false, text: UI.imageAltMissing, field: 'alt' });
    if (file.size > 2_000_000) return setMessage({ ok: false, text: UI.imageTooBig, field: 'file' });
    setBusy(true);
    const res = await api('POST', '/api/images', { name: file.name, alt, data: await base64Of(file) });
    setBusy(false);
    if (res.status === 201) {
      onInsert(res.json.markdown);
      setMessage({ ok: true, text: UI.imageDone });
      setAlt('');
      setFile(null);
    } else setMessage({ ok: false, text: res.json.problems?.[0]?.zh ?? res.json.zh ?? UI.networkError, field: res.json.problems?.[0]?.field });
  };
  return (
    <details className="image-upload">
      <summary>{UI.image}</summary>
      <div className="field">
        <label htmlFor="image-file">{UI.imageFile}</label>
        <FilePicker id="image-file" accept="image/png,image/jpeg,image/webp" file={file} onFile={setFile} invalid={message?.field === 'file'} />
      </div>
      <div className="field">
        <label htmlFor="image-alt">{UI.imageAlt}</label>
        <input id="image-alt" value={alt} onChange={(e) => setAlt(e.target.value)} aria-invalid={message?.field === 'alt' || undefined} />
      </div>
      <button type="button" className="secondary" onClick={upload} disabled={busy}>
        {UI.imageUpload}
      </button>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </p>
      )}
    </details>
  );
}
