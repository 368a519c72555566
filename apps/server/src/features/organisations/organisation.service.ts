import type {
  OrganisationDetail,
  OrganisationFields,
  OrganisationItem,
  OrganisationKind,
  OrganisationRegisterPage,
  OrganisationRegisterQuery,
} from '@samkraft/contracts/organisations';
import { audit } from '../../platform/audit/audit.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { typedKeys } from '@samkraft/contracts/typed';
import {
  findIdentifierHolders,
  findOrganisation,
  findOrganisationByGln,
  findOrganisationBySorCode,
  findOrganisationKind,
  hasChildren,
  insertOrganisation,
  listMunicipalUnits,
  listOrganisations,
  listRegister,
  municipalityExists,
  setOrganisationActive,
  updateOrganisation,
  type OrganisationRecord,
  type OrganisationValues,
} from './organisation.repository.ts';
import { checkOrganisation, isAddressable, lookupKeyOf, type OrganisationInput } from './organisation.rules.ts';

/*
 * The organisation register: every staff member reads it (the referral form's pickers, the closing
 * note's receivers); administrators maintain it, each change audited with its old and new values.
 * The messaging module finds the sender and receiver of a MedCom message here by SOR code and GLN
 * (`findOrganisationBySorIn`, `findOrganisationByGlnIn`, `findOrganisationByIdentifierIn`).
 */

export type { OrganisationRecord };

function toDetail(r: OrganisationRecord): OrganisationDetail {
  return { ...r, addressable: isAddressable(r) };
}

/** Active organisations for the pickers, by name; `q` finds by part of the name or the start of the ydernummer, SOR code or GLN (at most 30 then). */
export async function findOrganisations(ctx: ServiceContext, query: { kind?: OrganisationKind; q?: string }): Promise<OrganisationItem[]> {
  return listOrganisations(ctx.db, { kind: query.kind, q: query.q });
}

export async function listOrganisationRegister(ctx: ServiceContext, f: OrganisationRegisterQuery): Promise<OrganisationRegisterPage> {
  const { items, total } = await listRegister(ctx.db, { kind: f.kind, municipalityCode: f.municipalityCode, q: f.q, status: f.status, offset: f.offset, limit: f.limit });
  return { items: items.map(toDetail), total, offset: f.offset, limit: f.limit };
}

export async function getOrganisation(ctx: ServiceContext, id: string): Promise<OrganisationDetail> {
  const found = await findOrganisation(ctx.db, id);
  if (!found) throw AppError.notFound('Organisation');
  return toDetail(found);
}

/** One organisation by SOR code or GLN (either given, as the look-up route's query has it); 404 when none has it. */
export async function lookupOrganisation(ctx: ServiceContext, key: { sor?: string | undefined; gln?: string | undefined }): Promise<OrganisationDetail> {
  const found = key.sor !== undefined ? await findOrganisationBySorCode(ctx.db, key.sor.trim()) : key.gln !== undefined ? await findOrganisationByGln(ctx.db, key.gln.trim()) : undefined;
  if (!found) throw AppError.notFound('Organisation');
  return toDetail(found);
}

// ── For other features, inside their transaction ────────────────────────────────────────────────

/** The organisation with this SOR code, active or not (check `active`). */
export async function findOrganisationBySorIn(db: Db, sorCode: string): Promise<OrganisationDetail | undefined> {
  const r = await findOrganisationBySorCode(db, sorCode.trim());
  return r && toDetail(r);
}

/** The organisation with this GLN (13 digits, whichever GLN system the message used), active or not. */
export async function findOrganisationByGlnIn(db: Db, gln: string): Promise<OrganisationDetail | undefined> {
  const r = await findOrganisationByGln(db, gln.trim());
  return r && toDetail(r);
}

/**
 * The organisation a FHIR identifier names: a SOR code (`urn:oid:1.2.208.176.1.1`) or a GLN under
 * `https://www.gs1.org/gln` or `http://www.gs1.org/gln`. Undefined for another system or no match.
 */
export async function findOrganisationByIdentifierIn(db: Db, identifier: { system?: string; value?: string }): Promise<OrganisationDetail | undefined> {
  const key = lookupKeyOf(identifier);
  if (!key) return undefined;
  return 'sorCode' in key ? findOrganisationBySorIn(db, key.sorCode) : findOrganisationByGlnIn(db, key.gln);
}

/**
 * A member municipality's own unit that sends its MedCom messages: its active municipal unit with a
 * SOR code and a GLN, or undefined — then the municipality cannot send electronically.
 */
export async function messagingUnitOfIn(db: Db, municipalityCode: string): Promise<OrganisationDetail | undefined> {
  const unit = (await listMunicipalUnits(db, municipalityCode))[0];
  return unit && isAddressable(unit) ? toDetail(unit) : undefined;
}

/** One organisation by id, active or not (the closing note's GP clinic, with its SOR code and GLN). */
export async function findOrganisationIn(db: Db, id: string): Promise<OrganisationDetail | undefined> {
  const r = await findOrganisation(db, id);
  return r && toDetail(r);
}

/** Whether the organisation exists and is active (a referral's referring organisation). */
export async function isActiveOrganisationIn(db: Db, id: string): Promise<boolean> {
  return (await findOrganisationKind(db, id)) !== undefined;
}

// ── Administrators' writes ──────────────────────────────────────────────────────────────────────

/** A refusal is audited on its own, so who tried to change the register is known. */
async function requireAdministrator(ctx: ServiceContext, action: string, entityId: string | undefined): Promise<void> {
  if (hasRole(ctx.actor, 'administrator')) return;
  await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'organisation', ...(entityId && { entityId }), outcome: 'denied', detail: { reason: 'not_administrator' } }]);
  throw AppError.forbidden('Only administrators maintain the organisations');
}

function valuesOf(f: OrganisationFields): OrganisationValues {
  return {
    kind: f.kind,
    name: f.name.trim(),
    parentId: f.parentId ?? null,
    sorCode: f.sorCode?.trim() ?? null,
    gln: f.gln?.trim() ?? null,
    cvr: f.cvr?.trim() ?? null,
    ydernummer: f.ydernummer?.trim() ?? null,
    municipalityCode: f.municipalityCode ?? null,
    address: f.address?.trim() ?? null,
    phone: f.phone?.trim() ?? null,
  };
}

async function validate(trx: Db, v: OrganisationInput, self: OrganisationRecord | null): Promise<void> {
  const issues = checkOrganisation(v, {
    parentKind: v.parentId !== null ? await findOrganisationKind(trx, v.parentId) : undefined,
    municipalityKnown: v.municipalityCode === null || (await municipalityExists(trx, v.municipalityCode)),
    holders: await findIdentifierHolders(trx, { sorCode: v.sorCode, gln: v.gln, ydernummer: v.ydernummer }, self?.id ?? null),
    before: self && { kind: self.kind, hasDepartments: self.kind === 'hospital' && (await hasChildren(trx, self.id)) },
    selfId: self?.id ?? null,
  });
  if (issues.length > 0) throw AppError.validation(issues);
}

/** The audit's picture of an organisation: its fields, the parent and municipality by id and code. */
function audited(r: OrganisationRecord) {
  return {
    kind: r.kind,
    name: r.name,
    parentId: r.parent?.id ?? null,
    sorCode: r.sorCode,
    gln: r.gln,
    cvr: r.cvr,
    ydernummer: r.ydernummer,
    municipalityCode: r.municipality?.code ?? null,
    address: r.address,
    phone: r.phone,
    active: r.active,
  };
}

export async function createOrganisation(ctx: ServiceContext, body: OrganisationFields): Promise<OrganisationDetail> {
  await requireAdministrator(ctx, 'organisation.create', undefined);
  const values = valuesOf(body);
  return ctx.db.transaction().execute(async (trx) => {
    await validate(trx, values, null);
    const id = await insertOrganisation(trx, values);
    const created = await findOrganisation(trx, id);
    if (!created) throw AppError.notFound('Organisation');
    await audit(trx, ctx, [{ action: 'organisation.create', citizenId: null, entityType: 'organisation', entityId: id, outcome: 'allowed', detail: { to: audited(created) } }]);
    return toDetail(created);
  });
}

export async function editOrganisation(ctx: ServiceContext, id: string, body: OrganisationFields): Promise<OrganisationDetail> {
  await requireAdministrator(ctx, 'organisation.update', id);
  const values = valuesOf(body);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findOrganisation(trx, id);
    if (!before) throw AppError.notFound('Organisation');
    await validate(trx, values, before);
    await updateOrganisation(trx, id, values);
    const after = await findOrganisation(trx, id);
    if (!after) throw AppError.notFound('Organisation');
    // Only what changed, with its old value: "who changed the GLN of the rehabilitation unit, and from what".
    const from = audited(before);
    const to = audited(after);
    const changed = Object.fromEntries(typedKeys(to).filter((k) => from[k] !== to[k]).map((k) => [k, { from: from[k], to: to[k] }]));
    await audit(trx, ctx, [{ action: 'organisation.update', citizenId: null, entityType: 'organisation', entityId: id, outcome: 'allowed', detail: changed }]);
    return toDetail(after);
  });
}

/**
 * Deactivated, an organisation leaves the pickers (the referral form, the closing note) but keeps
 * its identifiers, so it is not added again and what was addressed to it can still be read.
 */
export async function setOrganisationActivity(ctx: ServiceContext, id: string, active: boolean): Promise<OrganisationDetail> {
  const action = active ? 'organisation.activate' : 'organisation.deactivate';
  await requireAdministrator(ctx, action, id);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findOrganisation(trx, id);
    if (!before) throw AppError.notFound('Organisation');
    if (before.active !== active) {
      await setOrganisationActive(trx, id, active);
      await audit(trx, ctx, [{ action, citizenId: null, entityType: 'organisation', entityId: id, outcome: 'allowed', detail: { active: { from: before.active, to: active } } }]);
    }
    return toDetail({ ...before, active });
  });
}
