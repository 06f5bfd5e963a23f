/**
 * Edits of the kinds an editor makes, each applied in place to a dataset's entries as they would be after the editor
 * saved the files: for the tests that hold an incremental build to a full one (tests/unit/incremental-reads.test.ts,
 * tests/unit/search-incremental.test.ts). Each picks what it edits from the entries it is given, by id, so the same
 * edit can be applied to a copy (`structuredClone`) of them.
 */
import type { Entries } from '../../src/data/validate/problems';

export type Edit = { kind: string; apply: (entries: Entries) => void };
type Figure = Entries['observations'][number];
type Group = Entries['groups'][number];

/** A county that has institutions: its name is on many pages (its own, its groups', institutions', figures', lists). */
export function renameCounty(entries: Entries, kind: string): Edit {
  const county = entries.regions.find((r) => r.kind === 'county' && entries.institutions.some((i) => i.region === r.id))!;
  return { kind, apply: (e) => void (e.regions.find((r) => r.id === county.id)!.name = `新${county.name}`) };
}

/** A figure's value, one more than it was. */
export function changeFigure(figure: Figure, kind: string): Edit {
  return { kind, apply: (e) => void (e.observations.find((o) => o.id === figure.id)!.value = figure.value + 1) };
}

/** A member of one group moved to another: the first of `from`'s roster, or its last. */
export function moveMember(from: Group, to: Group, which: 'first' | 'last', kind: string): Edit {
  return {
    kind,
    apply: (e) => {
      const [a, b] = [from, to].map((g) => e.groups.find((x) => x.id === g.id)!);
      b.members.push((which === 'first' ? a.members.shift() : a.members.pop())!);
    },
  };
}

/** An institution deleted as check requires it: with the institutions that belong to it, and out of every roster. */
export function deleteInstitution(id: string, kind: string): Edit {
  return {
    kind,
    apply: (e) => {
      e.institutions = e.institutions.filter((i) => i.id !== id && i.belongsTo !== id);
      for (const g of e.groups) g.members = g.members.filter((m) => m.institution !== id);
    },
  };
}
