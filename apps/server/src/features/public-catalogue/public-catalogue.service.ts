import { danishDate, type Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { cataloguePage, interventionPage } from './public-catalogue.page.ts';
import { listPublicOfferings, listSearchChoices } from './public-catalogue.repository.ts';
import { filterOfferings, parseCatalogueQuery, type Lang } from './public-catalogue.rules.ts';

/*
 * The public catalogue (issue 13.9): no session, no citizen, so no access decision and no audit —
 * only the collaboration's offerings as they stand today. Read in one transaction (one snapshot).
 */
export async function renderCatalogue(deps: { db: Db; clock: Clock }, rawQuery: Record<string, unknown>): Promise<{ status: 200 | 400; html: string }> {
  const { query, issues } = parseCatalogueQuery(rawQuery);
  const now = deps.clock.now();
  const { all, choices } = await deps.db.transaction().execute(async (db) => ({ all: await listPublicOfferings(db, danishDate(now), now), choices: await listSearchChoices(db) }));
  const selfQuery = new URLSearchParams();
  if (query.kommune) selfQuery.set('kommune', query.kommune);
  if (query.diagnose) selfQuery.set('diagnose', query.diagnose);
  if (query.lang === 'en') selfQuery.set('lang', 'en');
  const offerings = filterOfferings(all, query);
  return { status: issues.length > 0 ? 400 : 200, html: cataloguePage({ query, choices, offerings, issues, selfQuery }) };
}

export async function renderIntervention(deps: { db: Db; clock: Clock }, code: string, lang: Lang): Promise<{ status: 200 | 404; html: string }> {
  const now = deps.clock.now();
  const offerings = (await listPublicOfferings(deps.db, danishDate(now), now)).filter((o) => o.interventionCode === code);
  return { status: offerings.length > 0 ? 200 : 404, html: interventionPage({ lang, code, offerings }) };
}
