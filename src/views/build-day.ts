/**
 * The build's date (YYYY-MM-DD): what "how old" is measured from (./guidance.ts). A module of its own, loading nothing,
 * so that scripts/build.ts can tell a day's builds apart without loading the views (src/publishing/reuse-build.ts).
 */
export const buildDay = (): string => new Date().toISOString().slice(0, 10);
