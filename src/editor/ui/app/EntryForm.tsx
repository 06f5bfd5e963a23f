/**
 * One entry's form: every field of its schema, labelled in Chinese, in sections with a table of contents. The zod
 * schema checks each field as it is typed (react-hook-form with the zod resolver); on save the server checks the
 * whole dataset and its problems are shown beside their fields and all together on top, each linked to its field.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'astro/zod';
import { dataCollections, mdxCollections, id as idSchema } from '../../../schemas';
import { formFields, isMdx, type Collection, type Field } from '../../fields';
import { COLLECTION_LABELS, UI } from '../../../i18n/editor.zh-CN';
import { api, useEntries, type EntryList } from './api';
import { FieldView, inputId, messageAt } from './Fields';
import { MarkdownField } from './Markdown';
import { Link, navigate } from './router';
import { changedFields, chinese, errorMap, labelOf, toEntry, toForm, unitProblem, type Values } from './values';
import { History } from './History';
import { Preview } from './Preview';

interface Problem {
  field: string | null;
  zh: string;
  en?: string;
  tech?: string;
}

function schemaOf(kind: Collection): z.ZodTypeAny {
  if (isMdx(kind)) return (mdxCollections[kind] as unknown as z.AnyZodObject).extend({ id: idSchema, body: z.string().min(1) });
  return dataCollections[kind];
}

/** Sections of a form: the plain fields first, then each list or group of fields on its own. */
function sectionsOf(fields: Field[]): { key: string; title: string; fields: Field[] }[] {
  const basics = fields.filter((f) => f.kind !== 'object' && f.kind !== 'rows' && f.key !== 'body');
  const rest = fields.filter((f) => f.kind === 'object' || f.kind === 'rows' || f.key === 'body');
  return [{ key: 'basics', title: UI.basics, fields: basics }, ...rest.map((f) => ({ key: f.key, title: labelOf(f).label, fields: [f] }))];
}

const PROPOSE_FROM = ['name', 'title', 'date', 'subject', 'indicator', 'period', 'observation'];

export function EntryForm({ kind, id, list, prefill, flash, onSaved }: { kind: Collection; id?: string; list: EntryList; prefill?: Record<string, unknown>; flash?: { text: string; correction?: Record<string, unknown>; preview?: string }; onSaved(): void }) {
  const fields = useMemo(() => formFields(kind), [kind]);
  const isNewEntry = id === undefined;
  const schema = useMemo(() => schemaOf(kind), [kind]);
  // Indicators are few (tens): read whole, for the unit a figure's number is checked against.
  const indicators = useEntries(kind === 'observations' ? { kind: 'indicators', limit: 1000 } : null, list.key);
  const resolver = useMemo<Resolver<Values>>(() => {
    const zr = zodResolver(schema as never, { errorMap } as never);
    return async (values, ctx, options) => {
      const entry = toEntry(fields, values) ?? {};
      // A new entry's id is the editor's business: left empty, the server makes it from the name.
      const result = await zr(isNewEntry && !entry.id ? { ...entry, id: 'x' } : entry, ctx, options as never);
      const errors: Record<string, unknown> = { ...result.errors };
      // A figure's number read with its indicator's unit: 92.3% is not a count of 个, 10.5万 not a number of 万人次.
      if (kind === 'observations') {
        const unit = indicators?.items.find((i) => i.id === values.indicator)?.detail;
        for (const key of ['value', 'valueHigh']) {
          const message = unitProblem(values[key], unit);
          if (message && !errors[key]) errors[key] = { type: 'unit', message };
        }
      }
      return Object.keys(errors).length ? { values: {}, errors: errors as never } : { values, errors: {} };
    };
  }, [schema, fields, isNewEntry, kind, indicators]);
  const form = useForm<Values>({ resolver, mode: 'onTouched', reValidateMode: 'onChange', defaultValues: toForm(fields, prefill, true), shouldFocusError: true });
  const [loaded, setLoaded] = useState(id === undefined);
  const [version, setVersion] = useState<string | undefined>();
  const [file, setFile] = useState<string | undefined>();
  const [preview, setPreview] = useState<string | undefined>(flash?.preview);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string; correction?: Record<string, unknown> } | null>(flash ? { ok: true, text: flash.text, correction: flash.correction } : null);
  const [missing, setMissing] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  // A save refused because a colleague saved first: this staff member's changes, kept on screen through a reload.
  const [stale, setStale] = useState<{ label: string; value?: string }[] | null>(null);
  const opened = useRef<Values | undefined>(undefined);
  const [saves, setSaves] = useState(0);
  const top = useRef<HTMLDivElement>(null);
  const idEdited = useRef(false);
  const isNew = id === undefined;

  useEffect(() => {
    if (isNew) return;
    let gone = false;
    api('GET', `/api/entries/${kind}/${encodeURIComponent(id)}`).then((res) => {
      if (gone) return;
      if (res.status !== 200) return setMissing(res.json.zh ?? UI.loadFailed);
      opened.current = toForm(fields, res.json.entry);
      form.reset(opened.current);
      setVersion(res.json.version);
      setFile(res.json.file);
      setPreview(res.json.preview);
      setLoaded(true);
    });
    return () => {
      gone = true;
    };
  }, [kind, id, reload]);

  // A new entry's id is made from its name as it is typed (pinyin), unless the staff member wrote one.
  const watched = useWatch({ control: form.control, name: PROPOSE_FROM as never[] });
  useEffect(() => {
    if (!isNew || idEdited.current) return;
    const t = setTimeout(async () => {
      const entry = toEntry(fields, form.getValues()) ?? {};
      const res = await api('POST', `/api/entries/${kind}/_propose`, { entry });
      if (res.status === 200 && !idEdited.current && res.json.id) form.setValue('id', res.json.id, { shouldDirty: false });
      if (res.status === 200) setFile(res.json.file);
    }, 350);
    return () => clearTimeout(t);
  }, [JSON.stringify(watched)]);

  const region = useWatch({ control: form.control, name: 'region' as never }) as unknown as string | undefined;
  const county = typeof region === 'string' && region ? region : undefined;

  const showProblems = (list: Problem[]) => {
    setProblems(list);
    for (const p of list) if (p.field) form.setError(p.field as never, { type: 'server', message: p.zh }, { shouldFocus: false });
    setTimeout(() => top.current?.focus(), 0);
  };

  const submit = form.handleSubmit(
    async (values) => {
      setMessage(null);
      setProblems([]);
      const entry = toEntry(fields, values) ?? {};
      const res = isNew ? await api('POST', `/api/entries/${kind}`, { entry }) : await api('PUT', `/api/entries/${kind}/${encodeURIComponent(id)}`, { entry, version });
      if (res.status === 200 || res.status === 201) {
        if (!res.json.unchanged) onSaved();
        if (isNew) {
          navigate(`/edit/${kind}/${encodeURIComponent(res.json.id)}`, { flash: { text: UI.savedNew, correction: res.json.correction, preview: res.json.preview } }, true);
          return;
        }
        setVersion(res.json.version);
        setPreview(res.json.preview);
        setSaves((n) => n + 1);
        opened.current = values;
        setStale(null);
        form.reset(values);
        setMessage({ ok: true, text: UI.saved, correction: res.json.correction });
        setTimeout(() => top.current?.focus(), 0);
      } else if (res.status === 422 && Array.isArray(res.json.problems)) showProblems(res.json.problems);
      else if (res.status === 409) {
        setStale(changedFields(fields, opened.current, values));
        setMessage({ ok: false, text: res.json.zh ?? UI.stale });
        setTimeout(() => top.current?.focus(), 0);
      } else {
        setMessage({ ok: false, text: res.json.zh ?? UI.networkError });
        setTimeout(() => top.current?.focus(), 0);
      }
    },
    (errors) => {
      const count = Object.keys(flatten(errors)).length;
      setMessage({ ok: false, text: UI.fixFirst(count) });
    },
  );

  const sections = sectionsOf(fields);
  const heading = `${isNew ? UI.newVerb : UI.editVerb}${COLLECTION_LABELS[kind]}`;
  if (missing)
    return (
      <main id="main">
        <h1>{heading}</h1>
        <p className="error">{missing}</p>
        <Link href="/">{UI.back}</Link>
      </main>
    );
  return (
    <main id="main">
      <p>
        <Link href="/">← {UI.back}</Link>
      </p>
      <h1>{heading}</h1>
      {!loaded ? (
        <p>{UI.loading}</p>
      ) : (
        <FormProvider {...form}>
          <div ref={top} tabIndex={-1} className="status-area" aria-live="polite">
            {message && (
              <div className={message.ok ? 'notice ok' : 'notice error'} role={message.ok ? 'status' : 'alert'}>
                <p>{message.text}</p>
                {message.correction && (
                  <p>
                    {UI.correctionOffer}{' '}
                    <Link className="button" href="/edit/corrections/new" state={{ prefill: message.correction }}>
                      {UI.correctionButton}
                    </Link>
                  </p>
                )}
              </div>
            )}
            {stale && (
              <div className="notice error">
                <p>{UI.staleYours}</p>
                <dl className="changes">
                  {stale.map((c) => (
                    <div key={c.label}>
                      <dt>{c.label}</dt>
                      <dd>{c.value === undefined ? UI.changedMany : c.value || UI.none}</dd>
                    </div>
                  ))}
                </dl>
                {message && !message.ok && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setReload((n) => n + 1);
                      setMessage({ ok: true, text: UI.staleReloaded });
                    }}
                  >
                    {UI.staleReload}
                  </button>
                )}
              </div>
            )}
            {problems.length > 0 && (
              <div className="notice error" role="alert">
                <p>{UI.notSaved(problems.length)}</p>
                <ol>
                  {problems.map((p, i) => (
                    <li key={i}>
                      {p.field ? (
                        <a href={`#${inputId(p.field)}`} onClick={(e) => {
                          e.preventDefault();
                          focusField(p.field!);
                        }}>
                          {fieldName(fields, p.field)}：{chinese(p.zh)}
                        </a>
                      ) : (
                        chinese(p.zh)
                      )}
                    </li>
                  ))}
                </ol>
                <details>
                  <summary>{UI.tech}</summary>
                  <pre>{problems.map((p) => `${p.field ?? '—'}\n${p.tech ?? p.en ?? ''}`).join('\n\n')}</pre>
                </details>
              </div>
            )}
            {!isNew && preview && <Preview path={preview} />}
          </div>
          {sections.length > 2 && (
            <nav className="toc" aria-label={UI.contents}>
              <h2>{UI.contents}</h2>
              <ul>
                {sections.map((s) => (
                  <li key={s.key}>
                    <a href={`#sec-${s.key}`}>{s.title}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <form noValidate onSubmit={submit} aria-label={heading} data-entry={`${kind}/${id ?? ''}`}>
            {sections.map((s) => (
              <section key={s.key} id={`sec-${s.key}`} aria-labelledby={`sec-${s.key}-h`}>
                <h2 id={`sec-${s.key}-h`}>{s.title}</h2>
                {s.fields.map((f) =>
                  f.key === 'body' ? (
                    <MarkdownField key="body" id={inputId('body')} name="body" label={UI.body} error={messageAt(form.formState.errors, 'body')} />
                  ) : (
                    <div key={f.key} onInput={f.key === 'id' ? () => (idEdited.current = true) : undefined}>
                      <FieldView field={f} name={f.key} listKey={list.key} county={county} readOnly={f.key === 'id' && !isNew} required={f.key === 'id' && isNew ? false : undefined} />
                    </div>
                  ),
                )}
              </section>
            ))}
            <div className="actions">
              <button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? UI.saving : UI.save}
              </button>
            </div>
          </form>
          {!isNew && <DeleteEntry kind={kind} id={id} version={version} />}
          {!isNew && file && <History file={file} id={id} refresh={saves} onRestored={() => { onSaved(); setReload((n) => n + 1); setMessage({ ok: true, text: UI.restored }); }} />}
          {file && (
            <details className="tech">
              <summary>{UI.tech}</summary>
              <pre>{`${file}${version ? `\nversion ${version.slice(0, 12)}` : ''}`}</pre>
            </details>
          )}
        </FormProvider>
      )}
    </main>
  );
}

function flatten(errors: object, prefix = '', out: Record<string, true> = {}): Record<string, true> {
  for (const [k, v] of Object.entries(errors)) {
    if (!v || typeof v !== 'object' || k === 'ref') continue;
    if (typeof (v as { message?: unknown }).message === 'string') out[`${prefix}${k}`] = true;
    else flatten(v, `${prefix}${k}.`, out);
  }
  return out;
}

/** A field's Chinese name for the list of problems: its label, with the row it is in. */
function fieldName(fields: Field[], path: string): string {
  const parts = path.split('.');
  const names: string[] = [];
  let list: Field[] | undefined = fields;
  for (let i = 0; i < parts.length && list; i++) {
    const f: Field | undefined = list.find((x) => x.key === parts[i]);
    if (!f) break;
    names.push(labelOf(f).label);
    if (f.kind === 'rows' && /^\d+$/.test(parts[i + 1] ?? '')) {
      names[names.length - 1] = UI.rowN(names[names.length - 1], Number(parts[i + 1]) + 1);
      i++;
    }
    list = f.kind === 'object' || f.kind === 'rows' ? f.fields : undefined;
  }
  return names.join(' · ') || path;
}

function focusField(path: string) {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(inputId(parts.slice(0, n).join('.')));
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
      return;
    }
  }
}

function DeleteEntry({ kind, id, version }: { kind: Collection; id: string; version?: string }) {
  const [state, setState] = useState<'idle' | 'checking' | 'confirm' | 'blocked' | 'error'>('idle');
  const [refs, setRefs] = useState<Problem[]>([]);
  const [text, setText] = useState('');
  const start = async () => {
    setState('checking');
    const res = await api('GET', `/api/entries/${kind}/${encodeURIComponent(id)}/referrers`);
    const list = (res.json.referrers ?? []) as Problem[];
    setRefs(list);
    setState(list.length ? 'blocked' : 'confirm');
  };
  const remove = async () => {
    const res = await api('DELETE', `/api/entries/${kind}/${encodeURIComponent(id)}?version=${version ?? ''}`);
    if (res.status === 200) navigate('/', { flash: UI.deleted });
    else if (res.status === 422) {
      setRefs(res.json.problems ?? []);
      setState('blocked');
    } else {
      setText(res.json.zh ?? UI.networkError);
      setState('error');
    }
  };
  return (
    <section className="danger" aria-labelledby="del-h">
      <h2 id="del-h">{UI.del}</h2>
      {state === 'idle' && (
        <button type="button" className="secondary" onClick={start}>
          {UI.del}
        </button>
      )}
      {state === 'checking' && <p role="status">{UI.delCheck}</p>}
      {state === 'confirm' && (
        <div role="alertdialog" aria-labelledby="del-q">
          <p id="del-q">{UI.delConfirm}</p>
          <button type="button" className="danger" onClick={remove}>
            {UI.delYes}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setState('idle')}>
            {UI.delNo}
          </button>
        </div>
      )}
      {state === 'blocked' && (
        <div className="notice error" role="alert">
          <p>{UI.delBlocked}</p>
          <ul>
            {refs.filter((r) => r.field !== null || !r.zh.startsWith(UI.delBlocked.slice(0, 6))).map((r, i) => (
              <li key={i}>{chinese(r.zh)}</li>
            ))}
          </ul>
        </div>
      )}
      {state === 'error' && (
        <p className="error" role="alert">
          {text}
        </p>
      )}
    </section>
  );
}
