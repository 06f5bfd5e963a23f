/**
 * An MDX file's frontmatter read exactly as the build reads it: cut out by Astro's own `extractFrontmatter`
 * (@astrojs/markdown-remark) and parsed by js-yaml with its default schema, the parser Astro uses. One YAML parser for
 * check and build: what fails here fails there (a `!!js/function` tag, a key written twice), and what passes here passes
 * there. One difference, on purpose: a timestamp keeps the text it was written as, so that 2024-02-30 (or
 * 2024-02-30T10:00:00Z) is reported instead of rolled over to March 1st as the build's Date would be.
 */
import { extractFrontmatter } from '@astrojs/markdown-remark';
import yaml from 'js-yaml';

/** A date js-yaml read from an unquoted timestamp, with the text it was written as. */
export class YamlDate extends Date {
  constructor(
    time: number,
    readonly source: string,
  ) {
    super(time);
  }
}

/** js-yaml's own types, which it exports at run time (its type declarations leave them out). */
const types = (yaml as unknown as { types: Record<'timestamp' | 'merge' | 'binary' | 'omap' | 'pairs' | 'set', yaml.Type> }).types;

/** js-yaml's timestamp type (same tag, same resolver: the same texts are timestamps), keeping each one's text. */
const timestamp = new yaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: (data) => types.timestamp.resolve(data),
  construct: (data: string) => new YamlDate((types.timestamp.construct(data) as Date).getTime(), data),
  instanceOf: Date,
  represent: (date) => (date as Date).toISOString(),
});

/** js-yaml's DEFAULT_SCHEMA, built as js-yaml builds it, with the timestamp above. */
const SCHEMA = yaml.CORE_SCHEMA.extend({
  implicit: [timestamp, types.merge],
  explicit: [types.binary, types.omap, types.pairs, types.set],
});

/** An MDX file split as the build splits it: the frontmatter's YAML (undefined when there is none) and where the body starts. */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  // Astro would read +++ as TOML; one language for frontmatter, so such a file is "missing its --- block".
  if (/^(?:\uFEFF?|\s*\n)\+\+\+/.test(text)) return undefined;
  const raw = extractFrontmatter(text);
  if (raw === undefined) return undefined;
  const open = text.indexOf(raw);
  const end = open + raw.length + 3; // the closing delimiter
  const body = text.slice(end).replace(/^\r?\n/, '');
  return { yaml: raw.replace(/^\r?\n/, '').replace(/\r?\n$/, ''), body, bodyLine: text.slice(0, text.length - body.length).split('\n').length };
}

export type FrontmatterResult = { data: Record<string, unknown> } | { error: { message: string; line?: number; zh?: string; en?: string } };

/**
 * The frontmatter's fields, or why it cannot be read. Beside js-yaml's own errors, refused: a top level that is not a
 * mapping, and anchors reused by aliases (`*x`), which js-yaml shares by reference: a loop would hang every walk over
 * the data and a chain of them (a "billion laughs") would expand beyond memory.
 */
export function parseFrontmatterYaml(source: string): FrontmatterResult {
  let parsed: unknown;
  try {
    parsed = yaml.load(source, { schema: SCHEMA });
  } catch (error) {
    const e = error as { reason?: string; message: string; mark?: { line?: number } };
    return { error: { message: e.reason ?? e.message.split('\n')[0], line: e.mark?.line === undefined ? undefined : e.mark.line + 1 } };
  }
  if (parsed === null || parsed === undefined) return { data: {} };
  if (typeof parsed !== 'object' || Array.isArray(parsed))
    return { error: { message: 'the frontmatter is not a list of fields', zh: '元数据应是“字段: 值”的列表', en: 'the frontmatter must be "field: value" lines' } };
  // Every object once: an object reached twice came from an alias.
  const seen = new Set<object>();
  const stack: unknown[] = [parsed];
  while (stack.length) {
    const value = stack.pop();
    if (!value || typeof value !== 'object' || value instanceof Date) continue;
    if (seen.has(value))
      return { error: { message: 'an alias (*name) repeats part of the frontmatter', zh: '元数据里不能用 & 和 * 引用别处的内容', en: 'the frontmatter may not use & anchors and * aliases' } };
    seen.add(value);
    for (const child of Object.values(value)) stack.push(child);
  }
  return { data: parsed as Record<string, unknown> };
}
