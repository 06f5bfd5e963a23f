/** The change log of published figures: corrections resolved to the figure they change, in words for pages and RSS. */
import type { Correction, Indicator, Observation } from '../schemas';
import { correctionsOf, subjectHref, subjectName, type Dataset } from './dataset';
import type { SubjectLink } from '../views/documents';
import { formatDate, formatValue } from '../views/format';
import { formatPeriod } from './period';
import { strings, t, type StringKey } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

/** A correction with the figure it changes, resolved for display. */
export interface CorrectionView {
  correction: Correction;
  observation: Observation;
  indicator: Indicator;
  subject: SubjectLink;
  /** The figure's place on its subject's page (the row of its outcomes table). */
  figureHref: string;
  /** What changed, in words: "数值". */
  fieldLabel: string;
  /** The published value before and after, formatted as the page shows it ("10,542 人次"). */
  oldText: string;
  newText: string;
  /** Its anchor on the change log. */
  href: string;
}

/** Every correction in the data (none when the site has no change log yet). */
export function allCorrections(dataset: Dataset): readonly Correction[] {
  return dataset.corrections;
}

function newestFirst(a: Correction, b: Correction): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

/** A field's published value as the page shows it. */
function shown(dataset: Dataset, field: Correction['field'], value: string | number, indicator: Indicator): string {
  switch (field) {
    case 'value':
      return typeof value === 'number' ? formatValue(value, indicator.unit) : String(value);
    case 'period':
      return formatPeriod(String(value));
    case 'kind':
    case 'qualifier': {
      const key = `changes.${field}.${value}`;
      return key in strings ? t(key as StringKey) : String(value);
    }
    case 'indicator':
      return dataset.indicator.get(String(value))?.name ?? String(value);
    case 'source.document':
      return dataset.document.get(String(value))?.data.title ?? String(value);
    default:
      return String(value);
  }
}

/** One correction resolved for display; undefined when its figure is not in the data. */
export function viewCorrection(dataset: Dataset, correction: Correction): CorrectionView | undefined {
  const observation = dataset.observation.get(correction.observation);
  const indicator = observation && dataset.indicator.get(observation.indicator);
  if (!observation || !indicator) return undefined;
  const subject = { name: subjectName(dataset, observation.subject), href: subjectHref(observation.subject) };
  return {
    correction,
    observation,
    indicator,
    subject,
    figureHref: `${subject.href}#obs-${observation.id}`,
    fieldLabel: t(`changes.field.${correction.field}`),
    oldText: shown(dataset, correction.field, correction.old, indicator),
    newText: shown(dataset, correction.field, correction.new, indicator),
    href: `/changes/#${correction.id}`,
  };
}

/** The change log, newest first. */
export function correctionsNewestFirst(dataset: Dataset): CorrectionView[] {
  return [...allCorrections(dataset)]
    .sort(newestFirst)
    .map((c) => viewCorrection(dataset, c))
    .filter((v): v is CorrectionView => v !== undefined);
}

/** Corrections of one figure, newest first. */
export function correctionsFor(dataset: Dataset, observationId: string): CorrectionView[] {
  return [...correctionsOf(dataset, observationId)]
    .sort(newestFirst)
    .map((c) => viewCorrection(dataset, c))
    .filter((v): v is CorrectionView => v !== undefined);
}

/** One sentence for a note or a feed: "2024年9月2日更正：数值原为“10,542 人次”，现为“105,423 人次”。原因：…" */
export function correctionSentence(view: CorrectionView): string {
  return tf('changes.noteText', {
    date: formatDate(view.correction.date),
    field: view.fieldLabel,
    old: view.oldText,
    new: view.newText,
    why: view.correction.why,
  });
}

/** What the corrected figure is, in words: "远程影像诊断人次 · 资中县人民医院医共体 · 2024年". */
export function figureLabel(view: CorrectionView): string {
  return [view.indicator.name, view.subject.name, view.observation.periodLabel ?? formatPeriod(view.observation.period)].join(' · ');
}
