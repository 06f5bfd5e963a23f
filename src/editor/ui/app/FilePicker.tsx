/** A file input whose button speaks Chinese whatever the browser's language (the native one may say "Choose File"). */
import { UI } from '../../../i18n/editor.zh-CN';

export function FilePicker({ id, accept, file, onFile, invalid }: { id: string; accept: string; file: File | null; onFile(file: File | null): void; invalid?: boolean }) {
  return (
    <div className="file-picker">
      <input id={id} className="visually-hidden" type="file" accept={accept} aria-invalid={invalid || undefined} onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
      <label htmlFor={id} className="button secondary" aria-hidden="true">
        {UI.chooseFile}
      </label>{' '}
      <span className="muted">{file ? file.name : UI.noFile}</span>
    </div>
  );
}
