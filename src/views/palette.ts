/**
 * Chart colours, kept apart from everything else because the browser's chart code imports them.
 * UK Analysis Function palette. Kinds sit in the order baseline, actual, target, alternating light and dark, so
 * adjacent series differ by at least 3:1 and each is at least 3:1 against white. Targets are also hatched and
 * baselines dotted: colour is never the only carrier.
 */
export const KIND_COLOUR = { baseline: '#28A197', actual: '#12436D', target: '#F46A25' } as const;
/** Outlines, pattern marks and the national-target line. */
export const CHART_DARK = '#3D3D3D';
/** How far past its bound an open-ended bar ("> 90%") fades, as a share of the scale's top value (chart-layout.ts). */
export const OPEN_TAIL = 0.08;
