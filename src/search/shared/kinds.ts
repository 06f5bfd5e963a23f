/**
 * What a search result is: the site's kinds of page, as a type. Pages name their kind by key (`searchKind="group"`);
 * the words a reader sees (医共体, 机构 …) are the labels in src/i18n/zh-CN.ts (`search.kind.<key>`), used for the
 * filter and each result's tag. Code branches on the key, never on a label.
 */
export const RESULT_KINDS = ['group', 'institution', 'region', 'indicator', 'document', 'update', 'guide'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];
