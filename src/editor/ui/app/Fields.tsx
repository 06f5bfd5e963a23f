/**
 * One form field per schema field: a labelled input, its hint and its error beside it. References are picked with a
 * search (name or pinyin), never by typing ids; rows (rosters, services, contacts) are added and removed one by one.
 */
import { useId, useMemo, useState } from 'react';
import { Controller, useFieldArray, useFormContext, useFormState, type FieldErrors } from 'react-hook-form';
import type { Field, RefTarget } from '../../fields';
import { UI } from '../../../i18n/editor.zh-CN';
import { useEntries, useNamed, type ListItem } from './api';
import { at, chinese, choiceLabel, labelOf, newRow, shownKind } from './values';

/** The id of a field's input, for labels and for links from the list of problems. */
export const inputId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

/** The first message at or under a path of the errors. */
export function messageAt(errors: FieldErrors, path: string): string | undefined {
  let node: unknown = path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), errors);
  const seen = new Set<unknown>();
  const first = (n: unknown): string | undefined => {
    if (!n || typeof n !== 'object' || seen.has(n)) return undefined;
    seen.add(n);
    const o = n as Record<string, unknown>;
    if (typeof o.message === 'string' && o.message) return o.message;
    if (o.root) return first(o.root);
    for (const [k, v] of Object.entries(o)) if (k !== 'ref' && k !== 'types') {
      const m = first(v);
      if (m) return m;
    }
    return undefined;
  };
  return node === undefined ? undefined : first(node);
}


/** How many matches a picker shows at once. */
const SHOWN = 12;

const TARGET_KIND: Record<RefTarget, string> = {
  regions: 'regions',
  institutions: 'institutions',
  groups: 'groups',
  indicators: 'indicators',
  documents: 'documents',
  observations: 'observations',
  references: 'references',
  glossary: 'glossary',
};

function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="error" id={id} role="alert">
      {chinese(message)}
    </p>
  ) : null;
}

/**
 * A field's error once it concerns the staff member: after they left the field, after a save was tried, or when the
 * server named it. A row just added is checked at once (react-hook-form validates a list when it grows), but its empty
 * fields are not yet mistakes.
 */
function useFieldError(path: string): string | undefined {
  const { errors, touchedFields, submitCount } = useFormState({ name: path as never });
  const message = messageAt(errors, path);
  if (!message) return undefined;
  const node = at(errors, path) as { type?: string } | undefined;
  return submitCount > 0 || node?.type === 'server' || at(touchedFields, path) ? message : undefined;
}

/** An error on a group of fields itself (its source left out while its text is filled), not on one of its fields. */
function useOwnError(path: string): string | undefined {
  const { errors, submitCount } = useFormState({ name: path as never });
  const node = at(errors, path) as { message?: unknown; type?: string } | undefined;
  return typeof node?.message === 'string' && node.message && (submitCount > 0 || node.type === 'server') ? node.message : undefined;
}


/** What a picker holds, by name (asked of the server; a reference to no entry says so), each with its remove button. */
function Chosen({ keys, listKey, prefix, removeText, onRemove }: { keys: string[]; listKey: string; prefix: string | null; removeText?: string; onRemove(at: number): void }) {
  const named = useNamed(keys, listKey);
  const nameOf = (key: string) => named?.get(key)?.label ?? UI.missingRef(key.slice(key.indexOf(':') + 1));
  return (
    <p className="chosen" aria-live="polite">
      {keys.length === 0 ? (
        <span className="muted">{UI.none}</span>
      ) : !named ? (
        // Until the names come, no chip: a remove button must say what it removes.
        <span className="muted">{UI.loading}</span>
      ) : (
        keys.map((key, at) => (
          <span className="chip" key={key}>
            {prefix}
            {nameOf(key)}
            {removeText && (
              <button type="button" className="link" aria-label={`${UI.remove} ${nameOf(key)}`} onClick={() => onRemove(at)}>
                {removeText}
              </button>
            )}
          </span>
        ))
      )}
    </p>
  );
}

/** A search over entries with a list to pick from; used for one pick or several. The server finds them (api.ts). */
function Search({ id, label, kinds, listKey, onPick, describedBy, county, invalid }: { id: string; label: string; kinds: string[]; listKey: string; onPick(item: ListItem): void; describedBy?: string; county?: string; invalid?: boolean }) {
  const [query, setQuery] = useState('');
  const listId = `${id}-list`;
  // Entries of the form's own county first.
  const page = useEntries(query.trim() ? { q: query.trim(), kind: kinds.join(','), near: county, limit: SHOWN } : null, listKey, 150);
  const found = query.trim() ? (page?.items ?? []) : [];
  const matched = query.trim() ? (page?.matched ?? 0) : 0;
  return (
    <div className="search">
      <input
        id={id}
        type="search"
        aria-label={label}
        role="combobox"
        aria-expanded={found.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        placeholder={UI.findToPick}
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            // Only a match for what is typed now: an answer to the shorter query before it would pick the wrong entry.
            if (page?.current && found[0]) {
              onPick(found[0]);
              setQuery('');
            }
          }
        }}
      />
      {query.trim() && (
        <ul id={listId} role="listbox" aria-label={label} className="options">
          {!page?.current && <li role="none" className="muted">{UI.searching}</li>}
          {page?.current && found.length === 0 && <li role="none" className="muted">{UI.noMatch}</li>}
          {found.map((item) => (
            <li key={`${item.kind}:${item.id}`} role="none">
              <button
                type="button"
                role="option"
                aria-selected={false}
                onClick={() => {
                  onPick(item);
                  setQuery('');
                }}
              >
                {item.label}
                {item.detail ? <span className="muted"> · {item.detail}</span> : null}
              </button>
            </li>
          ))}
          {matched > found.length && <li role="none" className="muted">{UI.more(matched - found.length)}</li>}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  field: Field;
  /** The form path of this field (`members.0.institution`). */
  name: string;
  /** The state of the project the server searches (EntryList.key): names are asked for again when it changes. */
  listKey: string;
  county?: string;
  readOnly?: boolean;
  /** Within a row the label says which row. */
  required?: boolean;
}

export function FieldView({ field: f, name, listKey, county, readOnly, required }: FieldProps) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = inputId(name);
  const { label, hint } = labelOf(f);
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = `${id}-error`;
  const described = [hintId, error ? errId : undefined].filter(Boolean).join(' ') || undefined;
  const isRequired = required ?? f.required;
  const kind = shownKind(f);
  const caption = (
    <>
      {label}
      <span className="req">{isRequired ? `（${UI.required}）` : ''}</span>
    </>
  );
  const hintText = hint ? (
    <p className="hint" id={hintId}>
      {hint}
    </p>
  ) : null;

  if (f.kind === 'object') return <ObjectView field={f} name={name} listKey={listKey} county={county} />;
  if (f.kind === 'rows') return <RowsView field={f} name={name} listKey={listKey} county={county} />;

  if (f.kind === 'ref' || f.kind === 'refs' || f.kind === 'subject') {
    const kinds = f.kind === 'subject' ? ['groups', 'regions', 'institutions'] : [TARGET_KIND[f.target]];
    const typeOf: Record<string, string> = { groups: 'group', regions: 'region', institutions: 'institution' };
    const kindOfType: Record<string, string> = { group: 'groups', region: 'regions', institution: 'institutions' };
    return (
      <Controller
        name={name}
        render={({ field }) => {
          const value = field.value;
          const picked: string[] = f.kind === 'refs' ? ((value as string[]) ?? []) : f.kind === 'subject' ? (value?.id ? [value.id] : []) : value ? [value as string] : [];
          const keyOf = (pid: string) => `${f.kind === 'subject' ? (kindOfType[value?.type] ?? '') : kinds[0]}:${pid}`;
          return (
            <div className="field picker" data-field={name}>
              <label htmlFor={id}>{caption}</label>
              {hintText}
              <Chosen
                keys={picked.map(keyOf)}
                listKey={listKey}
                prefix={f.kind === 'refs' || f.kind === 'subject' || !isRequired ? null : UI.chosen}
                removeText={readOnly ? undefined : f.kind === 'refs' ? UI.remove : UI.clear}
                onRemove={(at) => field.onChange(f.kind === 'refs' ? picked.filter((_, n) => n !== at) : f.kind === 'subject' ? { type: '', id: '' } : '')}
              />
              {!readOnly && (
                <Search
                  id={id}
                  label={label}
                  kinds={kinds}
                  listKey={listKey}
                  county={county}
                  describedBy={described}
                  invalid={!!error}
                  onPick={(item) => {
                    if (f.kind === 'refs') field.onChange(picked.includes(item.id) ? picked : [...picked, item.id]);
                    else if (f.kind === 'subject') field.onChange({ type: typeOf[item.kind], id: item.id });
                    else field.onChange(item.id);
                    field.onBlur();
                  }}
                />
              )}
              <ErrorText id={errId} message={error} />
            </div>
          );
        }}
      />
    );
  }

  // A list of fixed choices (a glossary rule's parts of a group): ticked, never typed as the file's English words.
  if (f.kind === 'lines' && f.options) {
    const options = f.options;
    return (
      <Controller
        name={name}
        render={({ field }) => {
          const picked = String(field.value ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
          const toggle = (o: string, on: boolean) => field.onChange(options.filter((x) => (x === o ? on : picked.includes(x))).join('\n'));
          return (
            <fieldset className="field choices" data-field={name} id={id} tabIndex={-1} aria-describedby={described}>
              <legend>{caption}</legend>
              {hintText}
              {options.map((o) => (
                <label key={o} className="check">
                  <input type="checkbox" checked={picked.includes(o)} disabled={readOnly} onChange={(e) => toggle(o, e.target.checked)} onBlur={field.onBlur} /> {choiceLabel(f, o)}
                </label>
              ))}
              <ErrorText id={errId} message={error} />
            </fieldset>
          );
        }}
      />
    );
  }

  let control: React.ReactNode;
  const common = { id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined, readOnly, ...register(name) };
  switch (kind) {
    case 'paragraph':
      control = <textarea rows={f.key === 'body' ? 14 : 3} {...common} />;
      break;
    case 'lines':
      control = <textarea rows={3} {...common} />;
      break;
    case 'date':
      control = <input inputMode="numeric" placeholder="2024-08-13" autoComplete="off" {...common} />;
      break;
    case 'number':
    case 'numberOrText':
      control = <input inputMode={kind === 'number' ? 'decimal' : undefined} autoComplete="off" {...common} />;
      break;
    case 'boolean':
      control = (
        <select {...common}>
          <option value="">{isRequired ? UI.choose : UI.none}</option>
          <option value="true">{UI.yes}</option>
          <option value="false">{UI.no}</option>
        </select>
      );
      break;
    case 'choice':
      control = (
        <select {...common}>
          <option value="">{isRequired ? UI.choose : UI.none}</option>
          {f.kind === 'choice' && f.options.map((o) => <option key={o} value={o}>{choiceLabel(f, o)}</option>)}
        </select>
      );
      break;
    default:
      control = <input autoComplete="off" {...common} />;
  }
  return (
    <div className="field" data-field={name}>
      <label htmlFor={id}>{caption}</label>
      {hintText}
      {control}
      <ErrorText id={errId} message={error} />
    </div>
  );
}

function ObjectView({ field: f, name, listKey, county }: { field: Extract<Field, { kind: 'object' }>; name: string; /** The state of the project the server searches (EntryList.key): names are asked for again when it changes. */
  listKey: string; county?: string }) {
  const { label, hint } = labelOf(f);
  const own = useOwnError(name);
  const errId = `${inputId(name)}-error`;
  // An optional group of fields (an address, a national target) is required only once something in it is filled.
  return (
    <fieldset className="group" id={inputId(name)} tabIndex={-1} aria-describedby={own ? errId : undefined}>
      <legend>
        {label}
        {!f.required && !f.requiredWithParent && <span className="req">（{UI.optional}）</span>}
      </legend>
      {hint && <p className="hint">{hint}</p>}
      <ErrorText id={errId} message={own} />
      {f.fields.map((c) => (
        <FieldView key={c.key} field={c} name={`${name}.${c.key}`} listKey={listKey} county={county} required={c.required} />
      ))}
    </fieldset>
  );
}

function RowsView({ field: f, name, listKey, county }: { field: Extract<Field, { kind: 'rows' }>; name: string; /** The state of the project the server searches (EntryList.key): names are asked for again when it changes. */
  listKey: string; county?: string }) {
  const { fields, append, remove } = useFieldArray({ name });
  const { label, hint } = labelOf(f);
  const { errors } = useFormState({ name: name as never });
  const root = (() => {
    const node = name.split('.').reduce<any>((v, k) => (v ? v[k] : undefined), errors);
    return node?.message ?? node?.root?.message;
  })();
  const headingId = useId();
  return (
    <fieldset className="rows" id={inputId(name)} tabIndex={-1} aria-describedby={root ? `${inputId(name)}-error` : undefined}>
      <legend id={headingId}>
        {label}
        <span className="req">{f.required ? `（${UI.required}）` : ''}</span>
      </legend>
      {hint && <p className="hint">{hint}</p>}
      {fields.map((row, i) => (
        <fieldset className="row" key={row.id}>
          <legend>{UI.rowN(label, i + 1)}</legend>
          {f.fields.map((c) => (
            <FieldView key={c.key} field={c} name={`${name}.${i}.${c.key}`} listKey={listKey} county={county} />
          ))}
          <button type="button" className="secondary" onClick={() => remove(i)} aria-label={`${UI.removeRow}：${UI.rowN(label, i + 1)}`}>
            {UI.removeRow}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => append(newRow(f.fields))}>
        {UI.addRow(label)}
      </button>
      {root && (
        <p className="error" id={`${inputId(name)}-error`} role="alert">
          {chinese(root)}
        </p>
      )}
    </fieldset>
  );
}
