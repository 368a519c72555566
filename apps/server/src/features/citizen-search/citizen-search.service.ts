import { citizenSearchBody, citizenSearchLimit, type CitizenSearchBody, type CitizenSearchResults } from '@samkraft/contracts/citizens';
import { audit, auditEachRow } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { citizenIdentifier, citizenName } from '../citizens/citizen.mapper.ts';
import { searchCitizens } from './citizen-search.repository.ts';
import { parseCitizenSearch } from './citizen-search.rules.ts';

const HOME_ROLES = ['contact_person', 'therapist', 'municipal_lead'];
const PROVIDER_ROLES = ['therapist', 'municipal_lead'];

/**
 * Finds citizens by CPR number or name, within what the actor may see (as `decideCitizenAccess`
 * decides for one citizen): the home municipality's staff its citizens, a providing
 * municipality's staff the citizens referred to it, and of those only the name and identifier
 * the referral shares. Every citizen shown is audited in the search's own statement; a refusal
 * is audited on its own. The query itself is not kept: it may be a CPR number.
 */
export async function searchCitizensFor(ctx: ServiceContext, body: CitizenSearchBody): Promise<CitizenSearchResults> {
  const { query } = citizenSearchBody.parse(body);
  const actor = ctx.actor;
  const home = actor.kind === 'staff' && actor.roles.some((r) => HOME_ROLES.includes(r));
  const provider = actor.kind === 'staff' && actor.roles.some((r) => PROVIDER_ROLES.includes(r));
  if (actor.kind !== 'staff' || (!home && !provider)) {
    await audit(ctx.db, ctx, [{ action: 'citizen.search', citizenId: null, entityType: 'citizen', outcome: 'denied', detail: { reason: 'aggregates_only' } }]);
    throw AppError.forbidden('Searching for a citizen is for the staff who work with citizens');
  }
  const terms = parseCitizenSearch(query);
  if (!('by' in terms)) throw AppError.validation([{ field: 'query', code: terms.code, message: terms.message }]);
  const entry = { action: 'citizen.search', entityType: 'citizen', outcome: 'allowed' as const, detail: { by: terms.by } };
  const found = await searchCitizens(ctx.db, { municipalityCode: actor.municipalityCode, home, provider }, terms, citizenSearchLimit, {
    home: auditEachRow(ctx, { ...entry, purpose: 'home' }),
    provider: auditEachRow(ctx, { ...entry, purpose: 'provider' }),
  });
  return {
    by: terms.by,
    truncated: found.truncated,
    items: found.records.map((r) => ({
      citizen: { id: r.id, name: citizenName(r), identifier: citizenIdentifier(r) },
      scope: r.home ? 'home' : 'provider',
      courses: r.courses,
      incomingReferrals: r.incomingReferrals.map((x) => ({ id: x.id, receivedOn: x.receivedOn, homeMunicipality: { code: x.homeCode, name: x.homeName } })),
    })),
  };
}
