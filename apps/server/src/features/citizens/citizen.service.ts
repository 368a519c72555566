import type { CitizenDetail, CitizenGpResult, CitizenGpUpdate } from '@samkraft/contracts/citizens';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decideCourseAccess } from '../courses/course-access.rules.ts';
import { getGpClinicIn, resolveGpClinicIn } from '../organisations/gp-clinic.service.ts';
import { decideCitizenAccess } from './citizen-access.rules.ts';
import { citizenIdentifier, citizenName } from './citizen.mapper.ts';
import { loadCitizen, loadCitizenAccessFacts, updateCitizenGp } from './citizen.repository.ts';

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
  const access = decideCitizenAccess(ctx.actor, facts, citizenId);
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
      givenName: c.givenName,
      familyName: c.familyName,
      sex: c.sex,
      birthDate: c.birthDate,
      homeMunicipality: { code: c.homeMunicipalityCode, name: c.homeMunicipalityName },
      address,
      protected: c.protected,
      deceasedOn: c.deceasedOn,
      vulnerable: c.vulnerable,
      synthetic: c.synthetic,
      // The GP is the home municipality's to know; a provider is not shown it.
      gp: access.scope === 'home' ? await getGpClinicIn(trx, c.gpOrganisationId) : null,
      // A provider sees no course of the home municipality; home staff see their own courses.
      // The citizen themself sees every course of theirs.
      courses: access.scope === 'home' ? c.courses.filter((k) => ctx.actor.kind === 'citizen' || k.homeMunicipalityCode === actorMunicipality).map(({ homeMunicipalityCode: _h, ...k }) => k) : [],
    };
  });
}

/**
 * Changes the citizen's GP clinic (egen læge) — a known clinic, a new one, or none. Only the home
 * municipality's staff who write its courses may; the change is audited with the old and new
 * clinic, a refusal on its own.
 */
export async function setCitizenGp(ctx: ServiceContext, citizenId: string, input: CitizenGpUpdate): Promise<CitizenGpResult> {
  const facts = await loadCitizenAccessFacts(ctx.db, citizenId);
  const access = facts ? decideCitizenAccess(ctx.actor, facts) : undefined;
  const write = facts ? decideCourseAccess(ctx.actor, facts.homeMunicipalityCode, 'write') : undefined;
  if (!facts || !access?.allowed || access.scope !== 'home' || !write?.allowed) {
    const reason = !facts ? 'not_found' : access?.allowed === false ? access.reason : write?.allowed === false ? write.reason : 'provider';
    await audit(ctx.db, ctx, [{ action: 'citizen.gp', citizenId: facts ? citizenId : null, entityType: 'citizen', entityId: citizenId, outcome: 'denied', detail: { reason } }]);
    throw facts ? AppError.forbidden('You may not change this citizen’s GP') : AppError.notFound('Citizen');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadCitizen(trx, citizenId);
    if (!before) throw AppError.notFound('Citizen');
    const gp = input.gp ? await resolveGpClinicIn(trx, input.gp, 'gp', facts.homeMunicipalityCode) : null;
    await updateCitizenGp(trx, citizenId, gp?.clinic.id ?? null, ctx.clock.now());
    await audit(trx, ctx, [
      {
        action: 'citizen.gp',
        citizenId,
        entityType: 'citizen',
        entityId: citizenId,
        outcome: 'allowed',
        detail: { from: before.gpOrganisationId, to: gp?.clinic.id ?? null, gpCreated: gp?.created ?? false },
      },
    ]);
    return { citizenId, gp: gp?.clinic ?? null };
  });
}
