/** Rules stage, the glossary: each word explained by one entry, no entry related to itself, every rule pointing somewhere. */
import type { GlossaryTerm } from '../../schemas';
import { glossaryMessages } from '../../i18n/validation';
import type { Located, Problem } from './problems';

export function glossaryProblems(glossary: readonly Located<GlossaryTerm>[]): Problem[] {
  const problems: Problem[] = [];
  const named = new Map<string, string>();
  for (const at of glossary) {
    const v = at.value;
    const where = (field: string) => ({ file: at.file, line: at.line, entry: at.id, field });
    [v.term, ...v.aliases].forEach((word, i) => {
      const other = named.get(word);
      if (other !== undefined && other !== at.id) problems.push({ ...where(i === 0 ? 'term' : `aliases[${i - 1}]`), ...glossaryMessages.wordTwice(word, other) });
      else named.set(word, at.id);
    });
    v.related.forEach((id, i) => {
      if (id === at.id) problems.push({ ...where(`related[${i}]`), ...glossaryMessages.relatedToItself() });
    });
    v.statements.forEach((row, i) => {
      if (row.words.length === 0 && row.fields.length === 0) problems.push({ ...where(`statements[${i}]`), ...glossaryMessages.emptyStatementRule() });
    });
  }
  return problems;
}
