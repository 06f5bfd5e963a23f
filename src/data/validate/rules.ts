/**
 * Rules stage: what a schema alone cannot see. Quoted excerpts stay short and contain the figure they quote; a
 * figure's period is real and its shape (range, median) complete; a correction matches the figure it corrects; nothing
 * is dated in the future; what is said is true as written (truth-rules.ts).
 */
import { EXCERPT_MAX_LENGTH } from '../../schemas/observation';
import { periodLastStart, periodProblem } from '../period';
import { ruleMessages, type Message } from '../../i18n/validation';
import { excerptContainsValue } from '../figures';
import { fieldPath, type Located, type Problem } from './problems';
import { contactItems } from './references';
import type { Collections } from './index';
import { truthProblems } from './truth-rules';
import { glossaryProblems } from './glossary';

/** Excerpts over the limit anywhere in an entry, by field path: a source is quoted by the few words around a fact. */
function longExcerpts(at: Located<unknown>, problems: Problem[]) {
  // The path is kept as a stack and written out only for a problem: most entries have none.
  const path: (string | number)[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const excerpt = record.excerpt;
      // A text no longer in UTF-16 units than the limit cannot be over it in characters.
      if (typeof excerpt === 'string' && excerpt.length > EXCERPT_MAX_LENGTH && 'document' in record && [...excerpt].length > EXCERPT_MAX_LENGTH) {
        problems.push({ file: at.file, line: at.line, entry: at.id, field: fieldPath([...path, 'excerpt']), ...ruleMessages.longExcerpt([...excerpt].length) });
      }
      for (const key in record) {
        const child = record[key];
        if (child && typeof child === 'object') {
          path.push(key);
          walk(child);
          path.pop();
        }
      }
    }
  };
  walk(at.value);
}

/** The value of a dotted field (`source.excerpt`) of an entry. */
function valueAt(entry: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), entry);
}

/** The latest date an update or correction may carry: tomorrow where it is already tomorrow (UTC+14). */
function latestAllowedDate(now: Date): string {
  return new Date(now.getTime() + (14 + 24) * 3600_000).toISOString().slice(0, 10);
}

/**
 * What is wrong with how a figure says what kind of number it is: a range needs its top (and only a range has one), a
 * median, mean or total says what it is taken across (and a plain value does not), and an excerpt is the few words
 * around the figure, not a whole sentence.
 */
export function figureShapeProblems(v: {
  value: number;
  valueHigh?: number;
  qualifier?: string;
  statistic?: string;
  across?: unknown;
  source: { excerpt?: string };
}): (Message & { field: string })[] {
  const found: (Message & { field: string })[] = [];
  if (v.qualifier === 'range' && v.valueHigh === undefined) found.push({ field: 'valueHigh', ...ruleMessages.rangeWithoutTop() });
  if (v.valueHigh !== undefined && v.qualifier !== 'range') found.push({ field: 'valueHigh', ...ruleMessages.topWithoutRange() });
  if (v.qualifier === 'range' && v.valueHigh !== undefined && !(v.valueHigh > v.value)) found.push({ field: 'valueHigh', ...ruleMessages.rangeUpsideDown(v.value, v.valueHigh) });
  if (v.valueHigh !== undefined && v.source.excerpt && !excerptContainsValue(v.source.excerpt, v.valueHigh))
    found.push({ field: 'source.excerpt', ...ruleMessages.topNotInExcerpt(v.source.excerpt, v.valueHigh) });
  const statistic = v.statistic ?? 'value';
  if (statistic !== 'value' && !v.across) found.push({ field: 'across', ...ruleMessages.statisticWithoutAcross(statistic) });
  if (statistic === 'value' && v.across) found.push({ field: 'across', ...ruleMessages.acrossWithoutStatistic() });
  const excerpt = v.source.excerpt ?? '';
  // Counting characters spreads the text into an array; a text no longer in UTF-16 units than the limit cannot be over it.
  if (excerpt.length > EXCERPT_MAX_LENGTH && [...excerpt].length > EXCERPT_MAX_LENGTH) found.push({ field: 'source.excerpt', ...ruleMessages.longFigureExcerpt([...excerpt].length) });
  return found;
}

/** Reports every rule the entries break; `now` is the moment "today" is judged from. */
export function checkRules(all: Collections, now: Date, problems: Problem[]) {
  const { regions, institutions, groups, indicators, observations, documents, updates, corrections, references } = all;
  // A figure's excerpt is checked with the figure; every other quoted source (services, referral rules, members,
  // definitions) keeps to the same few words.
  for (const entries of [regions, institutions, groups, indicators]) for (const at of entries) longExcerpts(at, problems);
  // Plans stay plans, one kind of number per indicator, general facts with their source (truth-rules.ts).
  for (const p of truthProblems({ institutions, groups, indicators, observations, documents, references })) problems.push(p);
  for (const p of glossaryProblems(all.glossary)) problems.push(p);
  for (const o of observations) {
    const v = o.value;
    const wrongPeriod = periodProblem(v.period);
    if (wrongPeriod) {
      const [zh, en] = wrongPeriod.split(' / ');
      problems.push({ file: o.file, line: o.line, entry: o.id, field: 'period', zh, en, hint: ruleMessages.periodHint });
    }
    if (!excerptContainsValue(v.source.excerpt, v.value))
      problems.push({ file: o.file, line: o.line, entry: o.id, field: 'source.excerpt', ...ruleMessages.valueNotInExcerpt(v.source.excerpt, v.value) });
    for (const problem of figureShapeProblems(v)) problems.push({ file: o.file, line: o.line, entry: o.id, ...problem });
  }
  const observationById = new Map(observations.map((o) => [o.id, o.value]));
  for (const c of corrections) {
    const v = c.value;
    if (v.field === 'value') {
      for (const side of ['old', 'new'] as const) {
        if (typeof v[side] !== 'number') problems.push({ file: c.file, line: c.line, entry: c.id, field: side, ...ruleMessages.correctedValueNotNumber() });
      }
    }
    if (String(v.old) === String(v.new)) problems.push({ file: c.file, line: c.line, entry: c.id, field: 'old', ...ruleMessages.correctionChangesNothing() });
    const figure = observationById.get(v.observation);
    if (!figure) continue;
    const current = valueAt(figure, v.field);
    if (String(current) !== String(v.new))
      problems.push({ file: c.file, line: c.line, entry: c.id, field: 'new', ...ruleMessages.correctionDiffers(String(v.new), v.observation, v.field, current) });
  }
  const latest = latestAllowedDate(now);
  const notAhead = (at: Located<unknown>, date: string, field = 'date') => {
    if (date > latest) problems.push({ file: at.file, line: at.line, entry: at.id, field, ...ruleMessages.dateAhead(date) });
  };
  for (const c of corrections) notAhead(c, c.value.date);
  for (const u of updates) notAhead(u, u.value.data.date);
  // A contact "checked" on a day still to come was not checked.
  for (const inst of institutions) for (const [field, item] of contactItems(inst.value)) notAhead(inst, item.checked, `${field}.checked`);
  for (const g of groups) (g.value.referral.contacts ?? []).forEach((c, i) => notAhead(g, c.checked, `referral.contacts[${i}].checked`));
  // An actual figure counts what happened: its period (a span's last part) has begun by today.
  for (const o of observations) {
    const start = o.value.kind === 'actual' ? periodLastStart(o.value.period) : undefined;
    if (start && start > latest) problems.push({ file: o.file, line: o.line, entry: o.id, field: 'period', ...ruleMessages.actualAhead(o.value.period) });
  }
  belongsToRules(institutions, problems);
}

/** Health centres that run village clinics (乡村一体化管理): what a clinic's belongsTo may name. */
const CLINIC_MANAGERS = new Set(['township-health-centre', 'community-health-centre']);

/** belongsTo is a village clinic's health centre: only clinics have one, it names a health centre, and it never loops. */
function belongsToRules(institutions: Collections['institutions'], problems: Problem[]) {
  const byId = new Map(institutions.map((i) => [i.id, i]));
  const at = (i: Located<unknown>, message: Message) => problems.push({ file: i.file, line: i.line, entry: i.id, field: 'belongsTo', ...message });
  const state = new Map<string, 'walking' | 'done'>();
  for (const inst of institutions) {
    const target = inst.value.belongsTo;
    if (!target) continue;
    if (inst.value.kind !== 'village-clinic') at(inst, ruleMessages.belongsToNotClinic(inst.value.kind));
    const manager = byId.get(target);
    if (manager && !CLINIC_MANAGERS.has(manager.value.kind)) at(inst, ruleMessages.belongsToWrongKind(target, manager.value.kind));
    // A clinic under a health centre that belongs to nothing (all but a mistaken few of 580,000 at national size) ends
    // its chain there, so no loop passes through it: not walked (the walk's bookkeeping took 2 s at that size).
    if (!manager?.value.belongsTo) continue;
    // Each institution is walked once: linear however long the chains.
    const path: string[] = [];
    for (let id: string | undefined = inst.id; id && !state.has(id); id = byId.get(id)?.value.belongsTo) {
      state.set(id, 'walking');
      path.push(id);
      const next = byId.get(id)?.value.belongsTo;
      if (next && state.get(next) === 'walking') {
        const loop = path.slice(path.indexOf(next));
        at(byId.get(loop[0])!, ruleMessages.belongsToLoop([...loop, loop[0]].join(' → ')));
      }
    }
    for (const id of path) state.set(id, 'done');
  }
}
