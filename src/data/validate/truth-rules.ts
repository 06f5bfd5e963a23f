/**
 * The rules that keep every sentence true as written (issue 23), run by validation like every other rule:
 * - a statement from a plan (a `policy` document) says that it is a plan, done or measured (`status`), and so does the
 *   plan's digest summary (`summaryStatus`); a plan's figures are targets or baselines, never outcomes;
 * - every figure of an indicator is the kind of number the indicator declares (a median is not a place's value, a
 *   rise of a median is not a median);
 * - a general fact marked verified carries its issuer, title, date and address.
 */
import type { DocumentMeta, Group, Indicator, Institution, Observation, Reference, SourcedText } from '../../schemas';
import type { Located, MdxEntry, Problem } from './problems';

export interface TruthInput {
  institutions: Located<Institution>[];
  groups: Located<Group>[];
  indicators: Located<Indicator>[];
  observations: Located<Observation>[];
  documents: Located<MdxEntry<DocumentMeta>>[];
  references: Located<Reference>[];
}

const STATISTIC_WORDS: Record<string, string> = {
  value: '地方自己的数值 value',
  median: '中位数 median',
  mean: '平均数 mean',
  total: '合计 total',
  'median-change': '中位数的升降 median-change',
};

/** The sourced statements of an entry, by field path. */
function statementsOf(entry: Group | Institution): [string, SourcedText][] {
  const out: [string, SourcedText][] = entry.services.map((s, i) => [`services[${i}]`, s]);
  if ('referral' in entry) {
    (entry.governance ?? []).forEach((s, i) => out.push([`governance[${i}]`, s]));
    for (const [part, items] of Object.entries(entry.referral)) {
      if (Array.isArray(items) && part !== 'contacts') (items as SourcedText[]).forEach((s, i) => out.push([`referral.${part}[${i}]`, s]));
    }
  }
  return out;
}

export function truthProblems(input: TruthInput): Problem[] {
  const problems: Problem[] = [];
  const plans = new Set(input.documents.filter((d) => d.value.data.type === 'policy').map((d) => d.id));
  const planTitle = new Map(input.documents.map((d) => [d.id, d.value.data.originalTitle]));

  for (const d of input.documents) {
    if (d.value.data.type === 'policy' && !d.value.data.summaryStatus)
      problems.push({
        file: d.file,
        line: d.line,
        entry: d.id,
        field: 'summaryStatus',
        zh: '这是计划文件（type: policy），摘要须写明 summaryStatus：plan（计划、目标）、done（已做到、已实行）或 measured（报告的数字）',
        en: 'this is a plan (type: policy): its summary needs a summaryStatus: plan, done or measured',
        hint: {
          zh: '计划文件的摘要一般写 "summaryStatus": "plan"，摘要本身也用计划的说法（“计划…”“要求…”“到…年底…”），不要写成已经做到。',
          en: 'A plan’s summary is usually "summaryStatus": "plan", worded as a plan ("计划…", "要求…", "到…年底…"), never as done.',
        },
      });
  }

  for (const at of [...input.groups, ...input.institutions] as Located<Group | Institution>[]) {
    for (const [field, s] of statementsOf(at.value)) {
      if (s.status || !plans.has(s.source.document)) continue;
      problems.push({
        file: at.file,
        line: at.line,
        entry: at.id,
        field: `${field}.status`,
        zh: `来源《${planTitle.get(s.source.document)}》是计划文件，这一条须写明 status：plan（计划、要求、目标）、done（已做到、已实行）或 measured（报告的数字）`,
        en: `the source (${s.source.document}) is a plan: this statement needs a status: plan, done or measured`,
        hint: {
          zh: '文件写“要…”“计划…”“到…年底…”的，写 "status": "plan"，text 也用计划的说法（“计划设…”“要求…”）；文件说已经建成或已经实行的，写 "done"。',
          en: 'What the plan asks for or sets as a goal is "status": "plan", with text worded as a plan; what it says is already done or in force is "done".',
        },
      });
    }
  }

  const indicatorById = new Map(input.indicators.map((i) => [i.id, i.value]));
  for (const o of input.observations) {
    const v = o.value;
    if (plans.has(v.source.document) && v.kind === 'actual')
      problems.push({
        file: o.file,
        line: o.line,
        entry: o.id,
        field: 'kind',
        zh: `来源《${planTitle.get(v.source.document)}》是计划文件，它的数字是目标（target）或基线（baseline），不能是实际结果（actual）`,
        en: `the source (${v.source.document}) is a plan: its figures are targets or baselines, not outcomes (actual)`,
        hint: { zh: '计划里要达到的数写 "kind": "target"；计划写明的现状写 "baseline"。', en: 'What a plan aims at is "kind": "target"; the starting point it states is "baseline".' },
      });
    const indicator = indicatorById.get(v.indicator);
    const statistic = v.statistic ?? 'value';
    if (indicator && statistic !== (indicator.statistic ?? 'value'))
      problems.push({
        file: o.file,
        line: o.line,
        entry: o.id,
        field: 'statistic',
        zh: `这个数字是${STATISTIC_WORDS[statistic]}，而指标“${indicator.name}”的数字都是${STATISTIC_WORDS[indicator.statistic ?? 'value']}：同一指标只能有一种数字`,
        en: `this figure is a ${statistic}, but every figure of indicator "${v.indicator}" is a ${indicator.statistic ?? 'value'}: one indicator, one kind of number`,
        hint: {
          zh: '把数字归到与它同类的指标（如“中位数的升降”另设一个指标），或改正 statistic；不要把中位数的变化写成中位数。',
          en: 'Put the figure under an indicator of its own kind (a rise of a median is its own indicator), or correct statistic.',
        },
      });
  }

  for (const r of input.references) {
    if (!r.value.verified) continue;
    for (const field of ['issuer', 'title', 'date', 'url'] as const) {
      if (r.value[field]) continue;
      problems.push({
        file: r.file,
        line: r.line,
        entry: r.id,
        field,
        zh: `标为已核实（verified: true）的参考资料须写明 ${field}（发布机构 issuer、标题 title、日期 date、网址 url）`,
        en: `a reference marked verified needs its ${field} (issuer, title, date and address)`,
        hint: {
          zh: '打开原始的官方来源核对后填上；找不到或没核对过，就写 "verified": false，页面会标“未核实”。',
          en: 'Fill it in after reading the official source; if you cannot, write "verified": false and pages will say 未核实.',
        },
      });
    }
  }
  return problems;
}
