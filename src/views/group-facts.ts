/**
 * Real examples for the residents' guide and the glossary: the groups' sourced statements (services and referral
 * rules), found by where they sit or by the words they use. Groups of one document often share a statement word for
 * word (a plan covering several groups), so an example is one statement with every group it applies to.
 */
import type { Group, SourceRef, StatementField } from '../schemas';
import type { Dataset } from '../data/dataset';
import { REFERRAL_PARTS } from './referral';

/** Where in a group a statement sits (src/schemas/group.ts; the parts a glossary term can point into). */
export type FactField = StatementField;

export interface GroupFact {
  field: FactField;
  text: string;
  source: SourceRef;
}

/** Every sourced statement of a group: its services and each part of its referral guide. */
export function groupFacts(group: Group): GroupFact[] {
  const r = group.referral;
  const referral = { up: r.up, down: r.down, benefits: r.benefits, greenChannels: r.greenChannels, staysLocal: r.staysLocal };
  return [
    ...group.services.map((s) => ({ field: 'services' as const, ...s })),
    ...REFERRAL_PARTS.flatMap((field) => referral[field].map((s) => ({ field, ...s }))),
  ];
}

export interface FactExample {
  field: FactField;
  text: string;
  source: SourceRef;
  /** Every group the statement is recorded for. */
  groups: Group[];
}

export interface FactQuery {
  /** Only statements in these fields. */
  fields?: readonly FactField[];
  /** Only statements using at least one of these words. */
  words?: readonly string[];
}

/** Statements matching the query, one per distinct text and document, with the groups they apply to (the dataset's index of statements). */
export function factExamples(dataset: Dataset, query: FactQuery = {}): FactExample[] {
  return dataset.statements
    .filter((s) => (!query.fields || query.fields.includes(s.field)) && (!query.words || query.words.some((w) => s.text.includes(w))))
    .map((s) => ({ field: s.field, text: s.text, source: s.source, groups: [...s.groups] }));
}

/** The page where a statement is shown: the referral guide for referral statements, else the group page. */
export function factHref(field: FactField, groupId: string): string {
  return (REFERRAL_PARTS as readonly string[]).includes(field) ? `/groups/${groupId}/referral/` : `/groups/${groupId}/`;
}

/** Groups with at least one statement in the given fields: the places to see a rule in practice. */
export function groupsWithFacts(dataset: Dataset, fields: readonly FactField[]): Group[] {
  return dataset.groups.filter((g) => groupFacts(g).some((f) => fields.includes(f.field)));
}

/** The groups' "who to ask" advice, one entry per distinct text, with the groups it is written for. */
export function whoToAsk(dataset: Dataset): { text: string; groups: Group[] }[] {
  const byText = new Map<string, Group[]>();
  for (const g of dataset.groups) {
    const text = g.referral.whoToAsk;
    if (text) byText.set(text, [...(byText.get(text) ?? []), g]);
  }
  return [...byText].map(([text, groups]) => ({ text, groups }));
}
