/**
 * Traditional → Simplified for search queries: opencc-js's core with only the Taiwan-variant and
 * Traditional→Simplified dictionaries (about 32 KB gzip; the full build is 497 KB), plus the half-kilobyte list of
 * Hong Kong variant characters some keyboards produce (衞 for 衛).
 */
import { ConverterFactory } from 'opencc-js/core';
import hongKongVariants from 'opencc-js/dict/HKVariantsRev';
import fromTaiwan from 'opencc-js/from/tw';
import toSimplified from 'opencc-js/to/cn';

export const traditionalToSimplified: (text: string) => string = ConverterFactory([hongKongVariants], ...fromTaiwan, ...toSimplified);
