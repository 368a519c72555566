import type { CitizenDetail } from '@samkraft/contracts/citizens';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decideCitizenAccess } from './citizen-access.rules.ts';
import { citizenIdentifier, citizenName } from './citizen.mapper.ts';
import { loadCitizen, loadCitizenAccessFacts } from './citizen.repository.ts';

/**
 * One citizen's record, for staff allowed to see it. The read is audited with the record; a
 * refusal is audited on its own (nothing else was read).
 */
export async function getCitizen(ctx: ServiceContext, citizenId: string): Promise<CitizenDetail> {
  const facts = await loadCitizenAccessFacts(ctx.db, citizenId);
  if (!facts) {
    await audit(ctx.db, ctx, [{ action: 'citizen.read', citizenId: null, entityType: 'citizen', entityId: citizenId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Citizen');
  }
  const access = decideCitizenAccess(ctx.actor, facts);
  if (!access.allowed) {
    await audit(ctx.db, ctx, [{ action: 'citizen.read', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'denied', detail: { reason: access.reason } }]);
    throw AppError.forbidden('You do not have access to this citizen');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const c = await loadCitizen(trx, citizenId);
    if (!c) throw AppError.notFound('Citizen');
    await audit(trx, ctx, [{ action: 'citizen.read', citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'allowed', purpose: access.scope }]);
    const actorMunicipality = ctx.actor.kind === 'staff' ? ctx.actor.municipalityCode : '';
    const address = c.protected || access.scope === 'provider' ? null : [c.addressLine, [c.postalCode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
    return {
      id: c.id,
      identifier: citizenIdentifier(c),
      name: citizenName(c),
      sex: c.sex,
      birthDate: c.birthDate,
      homeMunicipality: { code: c.homeMunicipalityCode, name: c.homeMunicipalityName },
      address,
      protected: c.protected,
      deceasedOn: c.deceasedOn,
      vulnerable: c.vulnerable,
      synthetic: c.synthetic,
      // A provider sees no course of the home municipality; home staff see their own courses.
      courses: access.scope === 'home' ? c.courses.filter((k) => k.homeMunicipalityCode === actorMunicipality).map(({ homeMunicipalityCode: _h, ...k }) => k) : [],
    };
  });
}
