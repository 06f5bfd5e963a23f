/**
 * What a page says about a statement besides its words: whether the source states a plan, something done or a
 * measured report (a tag in words: 计划 / 已实行 / 报告数字), and, when the statement is a reading of the source rather
 * than its words, "据报道推断" with the words it rests on. Pure.
 */
import type { ClaimStatus, Inference, SourcedText } from '../schemas';
import type { Dataset } from '../data/dataset';
import { citeView, type CiteView } from './figures';
import { t } from '../i18n/zh-CN';
import { tf } from '../i18n/fill';

/** The status tag a page shows: its short word and, for a title or screen reader, the long one. */
export interface StatusTag {
  status: ClaimStatus;
  label: string;
  title: string;
}

export function statusTag(status: ClaimStatus | undefined): StatusTag | undefined {
  if (!status) return undefined;
  return { status, label: t(`claim.${status}`), title: t(`claim.${status}Long`) };
}

/** "据报道推断：…（所据原话：“…”）". */
export function inferenceText(inference: Inference | undefined): string | undefined {
  return inference ? tf('inference.text', { reading: inference.reading, basis: inference.basis }) : undefined;
}

/** A note and a reading of the source as one line: the note first, then "据报道推断：…". */
export function withInference(note: string | undefined, inference: Inference | undefined): string | undefined {
  const parts = [note, inferenceText(inference)].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' ') : undefined;
}

/** A sourced statement as a page shows it. */
export interface ClaimView {
  text: string;
  cite: CiteView;
  status?: StatusTag;
  inference?: string;
}

export function claimView(dataset: Dataset, s: SourcedText): ClaimView {
  const status = statusTag(s.status);
  const inference = inferenceText(s.inference);
  return { text: s.text, cite: citeView(dataset, s.source), ...(status ? { status } : {}), ...(inference ? { inference } : {}) };
}
