/**
 * The body of an update or digest: @uiw/react-md-editor (Markdown with a toolbar and a preview) limited to what the
 * site's MDX policy allows (headings, emphasis, lists, quotes, links, images under /images/); no HTML, code or tables.
 * The server's check still decides on save. Images are uploaded here and inserted as ![说明](/images/…).
 */
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import MDEditor, { commands, type ICommand } from '@uiw/react-md-editor/nohighlight';
import { UI } from '../../../i18n/editor.zh-CN';
import { api, base64Of } from './api';
import { chinese } from './values';

const named = (command: ICommand, label: string): ICommand => ({ ...command, buttonProps: { 'aria-label': label, title: label } });
const TOOLBAR: ICommand[] = [
  named(commands.title2, '小标题'),
  named(commands.bold, '加粗'),
  named(commands.italic, '斜体'),
  commands.divider,
  named(commands.unorderedListCommand, '列表'),
  named(commands.orderedListCommand, '编号列表'),
  named(commands.quote, '引用'),
  named(commands.link, '链接'),
  named(commands.hr, '分隔线'),
];
const VIEWS: ICommand[] = [named(commands.codeEdit, '只看编辑'), named(commands.codeLive, '编辑和预览并排'), named(commands.codePreview, '只看预览')];

export function MarkdownField({ id, name, label, describedBy, error }: { id: string; name: string; label: string; describedBy?: string; error?: string }) {
  return (
    <Controller
      name={name}
      render={({ field }) => (
        <div className="field markdown" data-field={name}>
          <label htmlFor={id}>{label}</label>
          <p className="hint" id={`${id}-hint`}>
            小标题、加粗、列表、引用、链接和图片可以用上面的按钮；链接写成 [文字](网址)。不能写网页代码。
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
          <ImageUpload onInsert={(md) => field.onChange(`${String(field.value ?? '').trimEnd()}\n\n${md}\n`)} />
        </div>
      )}
    />
  );
}

function ImageUpload({ onInsert }: { onInsert(markdown: string): void }) {
  const [alt, setAlt] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    if (!file) return setMessage({ ok: false, text: '请选择一张图片。', field: 'file' });
    if (!alt.trim()) return setMessage({ ok: false, text: '请写一句图片说明（看不见图片的读者会听到这句话）。', field: 'alt' });
    if (file.size > 2_000_000) return setMessage({ ok: false, text: '图片太大（超过 2 MB），请先缩小再上传。', field: 'file' });
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
        <input id="image-file" type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-invalid={message?.field === 'file' || undefined} />
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
