/**
 * Writing new entries for editors (`npm run new`, `npm run import`): the fields each kind of file needs, ids that are
 * unique, names resolved to ids, and the file text. Pure functions over the validated dataset; the scripts do the IO.
 */
import { stringify as stringifyYaml } from 'yaml';
import type { Entries } from '../data/validate';
import { regionOfSubject as subjectRegion } from '../data/subject';

/** Today in China (the bureaus' calendar), as ISO `2024-08-13`, whatever the machine's time zone. */
export function todayInChina(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** Lowercase ascii words joined by hyphens; empty when nothing ascii is left ("资中 2024/08" → "2024-08"). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Something an editor can refer to by id or by a name a reader would use. */
export interface Named {
  id: string;
  names: string[];
}

const norm = (s: string) => s.trim().toLowerCase();

/** The id an editor meant: the id itself, or the one entry whose name or alias is written exactly so. */
export function resolveId(candidates: Named[], input: string): string | undefined {
  const wanted = norm(input);
  if (!wanted) return undefined;
  if (candidates.some((c) => c.id === wanted)) return wanted;
  const byName = candidates.filter((c) => c.names.some((n) => norm(n) === wanted));
  return byName.length === 1 ? byName[0].id : undefined;
}

/** Entries whose id or name is close to what was typed, for "did you mean" lists. */
export function suggestIds(candidates: Named[], input: string, limit = 5): Named[] {
  const wanted = norm(input);
  if (!wanted) return [];
  return candidates
    .filter((c) => [c.id, ...c.names].some((n) => norm(n).includes(wanted) || (norm(n).length > 1 && wanted.includes(norm(n)))))
    .slice(0, limit);
}

/** Every kind of entry that can be referred to, as id + names. */
export function namedEntries(dataset: Entries) {
  return {
    regions: dataset.regions.map((r) => ({ id: r.id, names: [r.name, ...r.aliases] })),
    groups: dataset.groups.map((g) => ({ id: g.id, names: [g.name] })),
    institutions: dataset.institutions.map((i) => ({ id: i.id, names: [i.name, ...i.aliases] })),
    indicators: dataset.indicators.map((i) => ({ id: i.id, names: [i.name, ...(i.shortName ? [i.shortName] : []), ...i.aliases] })),
    documents: dataset.documents.map((d) => ({ id: d.id, names: [d.data.title, d.data.originalTitle] })),
    observations: dataset.observations.map((o) => ({ id: o.id, names: [] })),
  };
}
export type NamedEntries = ReturnType<typeof namedEntries>;

/** The region a figure's subject lies in, for prefixing its id (the rule is src/data/subject.ts's). */
export function regionOfSubject(entries: { readonly [K in 'regions' | 'groups' | 'institutions']: readonly Entries[K][number][] }, type: string, id: string): string | undefined {
  if (type !== 'region' && type !== 'group' && type !== 'institution') return undefined;
  const byId = <T extends { id: string }>(list: readonly T[]) => ({ get: (key: string) => list.find((e) => e.id === key), has: (key: string) => list.some((e) => e.id === key) });
  return subjectRegion({ region: byId(entries.regions), group: byId(entries.groups), institution: byId(entries.institutions) }, { type, id });
}

/** A period as id text: `2019-11/2024-08` → `2019-11-2024-08`, `../2024-08` → `2024-08`. */
export function periodSlug(period: string): string {
  return slug(period.replace(/^\.\.\//, ''));
}

/** An MDX file: YAML frontmatter (keys in the order given, empty values left out), then the body. */
export function mdxText(frontmatter: Record<string, unknown>, body: string): string {
  const kept = Object.fromEntries(
    Object.entries(frontmatter).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
  const yaml = stringifyYaml(kept, { lineWidth: 0 }).trimEnd();
  return `---\n${yaml}\n---\n\n${body.trim()}\n`;
}

/**
 * A JSON array file's text with one more entry at the end, keeping the existing text as it was written.
 * Returns undefined when the existing text is not a JSON array.
 */
export function appendToJsonArray(existing: string | undefined, entry: unknown): string | undefined {
  const entryText = JSON.stringify(entry, null, 2).replace(/\n/g, '\n  ');
  if (existing === undefined || existing.trim() === '') return `[\n  ${entryText}\n]\n`;
  try {
    if (!Array.isArray(JSON.parse(existing))) return undefined;
  } catch {
    return undefined;
  }
  const body = existing.trimEnd();
  const inner = body.slice(0, -1).trimEnd(); // without the closing ]
  const separator = inner.endsWith('[') ? '\n  ' : ',\n  ';
  return `${inner}${separator}${entryText}\n]\n`;
}

/** Leaves out fields an editor left empty, so optional fields are simply absent from the file. */
export function withoutEmpty<T extends Record<string, unknown>>(entry: T): T {
  return Object.fromEntries(
    Object.entries(entry)
      .filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? withoutEmpty(v as Record<string, unknown>) : v]),
  ) as T;
}
