/**
 * Before the site and sweep tiers: they test the one dist/ that `npm test` built, so say plainly when there is none
 * (instead of every file failing on its own).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './site-pages';

export default function setup() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no built site: run npm run build first (npm test builds it for you)`);
}
