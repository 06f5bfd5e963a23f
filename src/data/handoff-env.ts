/**
 * The environment variable naming the folder where `npm run build`'s check hands the validated entries to the Astro
 * process (src/data/read-sources.ts `writeHandoff`); a module of its own so that scripts/build.ts loads no validation code.
 */
export const HANDOFF_ENV = 'YIGONGTI_VALIDATED';
