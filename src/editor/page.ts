/** The editor's HTML: a start page listing entries, and one form per entry. Plain forms; no script is needed. */
import type { Entries, Problem } from '../data/validate';
import { subjectHref } from '../data/dataset';
import { formFields, isMdx, type Collection, type Field, type RefTarget } from './fields';
import { CHOICE_LABELS, COLLECTION_LABELS, COLLECTION_ORDER, FIELD_LABELS, T } from '../i18n/editor.zh-CN';
import type { SaveResult } from './save';

/** Where the dev server (`npm run dev`) shows the site. */
export const DEV_SERVER = 'http://127.0.0.1:4321';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The entries of every collection as (id, label) pairs, for pickers and the start page. */
export function choicesOf(ds: Entries): Record<RefTarget | 'updates' | 'corrections', { id: string; label: string }[]> {
  return {
    regions: ds.regions.map((r) => ({ id: r.id, label: r.name })),
    institutions: ds.institutions.map((i) => ({ id: i.id, label: i.name })),
    groups: ds.groups.map((g) => ({ id: g.id, label: g.name })),
    indicators: ds.indicators.map((i) => ({ id: i.id, label: i.name })),
    documents: ds.documents.map((d) => ({ id: d.id, label: d.data.title })),
    observations: ds.observations.map((o) => ({ id: o.id, label: `${o.indicator} · ${o.subject.id} · ${o.period} · ${o.value}` })),
    updates: ds.updates.map((u) => ({ id: u.id, label: u.data.title })),
    corrections: ds.corrections.map((c) => ({ id: c.id, label: `${c.observation} · ${c.date}` })),
    references: (ds.references ?? []).map((r) => ({ id: r.id, label: r.label })),
    glossary: (ds.glossary ?? []).map((g) => ({ id: g.id, label: g.term })),
  };
}
type Choices = ReturnType<typeof choicesOf>;

/** The page on the dev server that shows an entry (or the figure's subject), for the preview link. */
export function previewHref(collection: Collection, entry: Record<string, unknown>, ds: Entries): string | undefined {
  const id = typeof entry.id === 'string' ? entry.id : undefined;
  if (!id) return undefined;
  switch (collection) {
    case 'groups':
    case 'regions':
    case 'indicators':
    case 'documents':
    case 'updates':
      return `${DEV_SERVER}/${collection}/${id}/`;
    case 'institutions': {
      // A village clinic has no page of its own; it is listed on its township health centre's page.
      const home = entry.kind === 'village-clinic' && typeof entry.belongsTo === 'string' ? entry.belongsTo : id;
      return `${DEV_SERVER}/institutions/${home}/`;
    }
    case 'observations': {
      const s = entry.subject as { type?: string; id?: string } | undefined;
      return s?.type && s.id ? `${DEV_SERVER}${subjectHref(s as Parameters<typeof subjectHref>[0])}` : undefined;
    }
    case 'corrections':
      return ds.corrections.some((c) => c.id === id) || entry.observation ? `${DEV_SERVER}/changes/#${id}` : undefined;
  }
}

const labelOf = (f: Field) => FIELD_LABELS[f.path.replace(/\[\]/g, '')] ?? FIELD_LABELS[f.key] ?? f.key;
const option = (value: string, label: string, selected: boolean) => `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;

function input(f: Field, name: string, value: unknown, choices: Choices): string {
  const req = f.required ? ' required' : '';
  switch (f.kind) {
    case 'paragraph':
      return `<textarea name="${esc(name)}" rows="${f.key === 'body' ? 14 : 3}"${req}>${esc(value)}</textarea>`;
    case 'lines':
      return `<textarea name="${esc(name)}" rows="2">${esc(Array.isArray(value) ? value.join('\n') : value)}</textarea>`;
    case 'date':
      return `<input name="${esc(name)}" value="${esc(value)}" placeholder="2024-08-13" inputmode="numeric"${req}>`;
    case 'number':
      return `<input name="${esc(name)}" value="${esc(value)}" inputmode="decimal"${req}>`;
    case 'choice':
      return `<select name="${esc(name)}"${req}>${option('', f.required ? T.choose : T.none, value === undefined)}${f.options.map((o) => option(o, CHOICE_LABELS[o] ? `${CHOICE_LABELS[o]}（${o}）` : o, o === value)).join('')}</select>`;
    case 'ref': {
      const list = choices[f.target];
      const known = list.some((c) => c.id === value);
      return `<select name="${esc(name)}"${req}>${option('', f.required ? T.choose : T.none, !value)}${value && !known ? option(String(value), `${value}（不存在）`, true) : ''}${list.map((c) => option(c.id, `${c.label}（${c.id}）`, c.id === value)).join('')}</select>`;
    }
    case 'refs': {
      const picked = new Set(Array.isArray(value) ? (value as string[]) : []);
      const list = choices[f.target];
      return `<select name="${esc(name)}" multiple size="${Math.min(8, Math.max(3, list.length))}">${list.map((c) => option(c.id, `${c.label}（${c.id}）`, picked.has(c.id))).join('')}</select>`;
    }
    case 'subject': {
      const s = value as { type?: string; id?: string } | undefined;
      const current = s?.type ? `${s.type}:${s.id}` : '';
      const groups = (['groups', 'regions', 'institutions'] as const).map((target) => {
        const type = target.slice(0, -1);
        return `<optgroup label="${esc(CHOICE_LABELS[type])}">${choices[target].map((c) => option(`${type}:${c.id}`, `${c.label}（${c.id}）`, `${type}:${c.id}` === current)).join('')}</optgroup>`;
      });
      return `<select name="${esc(name)}"${req}>${option('', T.choose, !current)}${groups.join('')}</select>`;
    }
    default:
      return `<input name="${esc(name)}" value="${esc(value)}"${req}>`;
  }
}

function fieldHtml(f: Field, name: string, value: unknown, choices: Choices, readonly = false): string {
  const label = `${esc(labelOf(f))}${f.required ? ` <span class="req">${T.required}</span>` : ''}`;
  if (f.kind === 'object') {
    const v = (value ?? {}) as Record<string, unknown>;
    return `<fieldset><legend>${label}</legend>${f.fields.map((c) => fieldHtml(c, `${name}.${c.key}`, v[c.key], choices)).join('')}</fieldset>`;
  }
  if (f.kind === 'rows') {
    const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
    const count = rows.length + 2;
    const body = Array.from({ length: count }, (_, i) => {
      const row = rows[i] ?? {};
      return `<fieldset class="row"><legend>${i + 1}</legend>${f.fields.map((c) => fieldHtml({ ...c, required: false }, `${name}[${i}].${c.key}`, row[c.key], choices)).join('')}</fieldset>`;
    }).join('');
    return `<fieldset><legend>${label}</legend><p class="note">${T.rowsNote}</p><input type="hidden" name="${esc(name)}.rows" value="${count}">${body}</fieldset>`;
  }
  const control = readonly ? `<input name="${esc(name)}" value="${esc(value)}" readonly>` : input(f, name, value, choices);
  return `<label data-field="${esc(f.path)}"><span>${label}</span>${control}</label>`;
}

function problemHtml(p: Problem): string {
  const where = `${p.file}${p.line ? `:${p.line}` : ''}${p.entry ? ` · ${p.entry}` : ''}${p.field ? ` · ${p.field}` : ''}`;
  const hint = p.hint ? `<p class="hint">${T.fix}${esc(p.hint.zh)}<br><span lang="en">${esc(p.hint.en)}</span></p>` : '';
  return `<li><code>${esc(where)}</code><p>${esc(p.zh)}<br><span lang="en">${esc(p.en)}</span></p>${hint}</li>`;
}

/** Check's verdict on a save, Chinese then English. */
export function verdictHtml(result: SaveResult): string {
  if (result.saved) return `<section class="verdict ok" role="status"><p>✓ ${T.passed}：<code>${esc(result.path)}</code><br><span lang="en">${T.passedEn}: ${esc(result.path)}</span></p></section>`;
  const elsewhere = result.elsewhere.length ? `<p>${T.elsewhere}</p><ul>${result.elsewhere.map(problemHtml).join('')}</ul>` : '';
  return `<section class="verdict bad" role="alert"><p>✗ ${T.refused}<br><span lang="en">${T.refusedEn}</span></p><ul>${result.problems.map(problemHtml).join('')}</ul>${elsewhere}</section>`;
}

const STYLE = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:56rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}
label{display:block;margin:.6rem 0}label>span{display:block;font-weight:600}input,select,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.3rem}
fieldset{margin:.8rem 0;border:1px solid #bbb}fieldset.row{border-style:dashed}.req{color:#a00;font-weight:400;font-size:.85em}.note{color:#555;font-size:.9em}
.verdict{padding:.6rem 1rem;margin:1rem 0;border-radius:4px}.ok{background:#e6f4ea;border:1px solid #2e7d32}.bad{background:#fdecea;border:1px solid #c62828}
.hint{color:#333}button{font:inherit;padding:.5rem 2rem;margin:1rem 0}nav a{margin-right:1rem}ul.entries{columns:2}`;

export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head><body data-editor>${body}</body></html>`;
}

export function startPage(ds: Entries): string {
  const choices = choicesOf(ds);
  const sections = COLLECTION_ORDER.map((c) => {
    const list = choices[c as keyof Choices] ?? [];
    return `<section><h2>${esc(COLLECTION_LABELS[c])}（${list.length} ${T.entries}）</h2><p><a href="/new/${c}">＋ ${T.new}${esc(COLLECTION_LABELS[c])}</a></p><details><summary>${T.edit}</summary><ul class="entries">${list.map((e) => `<li><a href="/edit/${c}/${encodeURIComponent(e.id)}">${esc(e.label)}</a></li>`).join('')}</ul></details></section>`;
  }).join('');
  return layout(T.title, `<h1>${T.title}</h1><p>${T.intro}</p>${sections}`);
}

export interface FormPage {
  collection: Collection;
  entry: Record<string, unknown>;
  originalId?: string;
  /** For JSON collections: the entry's file and the collection's files to choose from. */
  file?: string;
  files: string[];
  ds: Entries;
  result?: SaveResult;
}

export function formPage(page: FormPage): string {
  const { collection, entry, originalId, ds, result } = page;
  const choices = choicesOf(ds);
  const fields = formFields(collection);
  const heading = `${originalId ? T.edit : T.new}${COLLECTION_LABELS[collection]}`;
  const preview = (result ? result.saved : originalId !== undefined) ? previewHref(collection, entry, ds) : undefined;
  const previewLink = preview ? `<p><a href="${esc(preview)}" target="_blank" rel="noopener">${T.preview}</a>${T.previewNote}</p>` : '';
  const fileChoice = isMdx(collection)
    ? ''
    : `<fieldset><legend>${T.file}</legend><select name="_file">${page.files.map((f) => option(f, f, f === page.file)).join('')}</select><label><span>${T.newFile}</span><input name="_newFile"></label></fieldset>`;
  const original = originalId !== undefined ? `<input type="hidden" name="_original" value="${esc(originalId)}">` : '';
  const body = fields.map((f) => fieldHtml(f, f.key, entry[f.key], choices, isMdx(collection) && f.key === 'id' && originalId !== undefined)).join('');
  return layout(
    heading,
    `<nav><a href="/">← ${T.back}</a></nav><h1>${esc(heading)}</h1>${result ? verdictHtml(result) : ''}${previewLink}<form method="post" action="/save/${collection}">${original}${fileChoice}${body}<button type="submit">${T.save}</button></form>`,
  );
}
