import type { CitizenDetail } from '@samkraft/contracts/citizens';
import { dEcprSystems, identifierSystem, isGlnSystem } from '@samkraft/contracts/identifiers';
import type { OrganisationDetail, OrganisationItem } from '@samkraft/contracts/organisations';
import { audit, auditEventById, citizenAuditEvents } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decideCitizenAccess } from '../citizens/citizen-access.rules.ts';
import { citizenAccessFacts } from '../citizens/citizen-record.service.ts';
import { getCitizen } from '../citizens/citizen.service.ts';
import { searchCitizensFor } from '../citizen-search/citizen-search.service.ts';
import { incomingReferralIdsOfCitizen } from '../provider-inbox/provider-inbox.service.ts';
import { municipalityList } from '../reference/reference.service.ts';
import { findOrganisationByIdentifierIn, findOrganisations } from '../organisations/organisation.service.ts';
import { toAuditEvent } from './audit-event.mapper.ts';
import { mayReadAuditTrail } from './fhir-api.rules.ts';
import { courseKeyFor, courseOwnResources, courseResources } from './fhir-course.service.ts';
import { crossResources, readCrossReferral, readIncoming } from './fhir-cross.service.ts';
import { fitsType, isUuid, municipalityCodeOf, parseRecordId } from './fhir-ids.rules.ts';
import type { CompartmentType, OrganisationIdentifier, PatientCriterion, PersonIdentifier, SearchRequest } from './fhir-search.rules.ts';
import type { FhirResource, FhirResourceType } from './fhir-types.ts';
import { toMunicipalityOrganization, toOrganization } from './organization.mapper.ts';
import { patientIdentifier, toPatient } from './patient.mapper.ts';

/*
 * FHIR read and search over the features' own services: every citizen's record is read through
 * the service the JSON API uses, with the request's staff context, so access and audit are the
 * JSON API's — a provider sees only what a referral shared with it.
 */

/** The one place organisations are read (the referrals feature's register today). */
function listOrganisations(ctx: ServiceContext): Promise<OrganisationItem[]> {
  return findOrganisations(ctx, {});
}

/** The id is not repeated: a client may have put anything in it, a CPR number too. */
const notFound = (type: FhirResourceType, _id: string): AppError => AppError.notFound(`The ${type}`);

async function readOrganization(ctx: ServiceContext, id: string): Promise<FhirResource> {
  const code = municipalityCodeOf(id);
  if (code) {
    const m = (await municipalityList(ctx, { membersOnly: false })).find((x) => x.code === code);
    if (m) return toMunicipalityOrganization(m);
  } else if (isUuid(id)) {
    const o = (await listOrganisations(ctx)).find((x) => x.id === id);
    if (o) return toOrganization(o);
  }
  throw notFound('Organization', id);
}

/** Who may read a citizen's access log, and the refusal audited as every refused read is. */
async function requireAuditTrail(ctx: ServiceContext, citizenId: string): Promise<void> {
  const action = 'audit_event.read';
  const facts = await citizenAccessFacts(ctx.db, citizenId);
  if (!facts) {
    await audit(ctx.db, ctx, [{ action, citizenId: null, entityType: 'citizen', entityId: citizenId, outcome: 'denied', detail: { reason: 'not_found' } }]);
    throw AppError.notFound('Citizen');
  }
  const access = decideCitizenAccess(ctx.actor, facts);
  if (!mayReadAuditTrail(ctx.actor, access)) {
    await audit(ctx.db, ctx, [{ action, citizenId, entityType: 'citizen', entityId: citizenId, outcome: 'denied', detail: { reason: access.allowed ? 'role' : access.reason } }]);
    throw AppError.forbidden("A citizen's access log is for the leads of the home municipality");
  }
}

async function readAuditEvent(ctx: ServiceContext, id: string): Promise<FhirResource> {
  // Whose event it is decides who may read it; only an event about a citizen is served.
  const citizenId = (await auditEventById(ctx.db, id))?.citizenId;
  if (!citizenId) throw notFound('AuditEvent', id);
  await requireAuditTrail(ctx, citizenId);
  return ctx.db.transaction().execute(async (trx) => {
    const event = await auditEventById(trx, id);
    if (!event) throw notFound('AuditEvent', id);
    await audit(trx, ctx, [{ action: 'audit_event.read', citizenId, entityType: 'audit_event', entityId: id, outcome: 'allowed' }]);
    return toAuditEvent(event);
  });
}

/** One resource by type and id, or a 404; access refused as the JSON API refuses it (403, audited). */
export async function readFhirResource(ctx: ServiceContext, type: FhirResourceType, id: string): Promise<FhirResource> {
  switch (type) {
    case 'Patient':
      if (!isUuid(id)) throw notFound(type, id);
      return toPatient(await getCitizen(ctx, id));
    case 'Organization':
      return readOrganization(ctx, id);
    case 'AuditEvent':
      return readAuditEvent(ctx, id);
    case 'ServiceRequest':
    case 'Task':
    case 'CarePlan':
    case 'Goal':
    case 'QuestionnaireResponse':
    case 'Communication':
    case 'Appointment':
    case 'Encounter': {
      const r = parseRecordId(id);
      if (!r || !fitsType(type, r)) throw notFound(type, id);
      const held = r.holder === 'course' ? await courseOwnResources(ctx, await courseKeyFor(ctx, r.id), type) : await crossResources(ctx, await readCrossReferral(ctx, r.id), type);
      const found = held.find((x) => x.id === id);
      if (!found) throw notFound(type, id);
      return found;
    }
  }
}

/** Whether two systems name the same kind of identifier (a D-eCPR's region is not kept: any D-eCPR system is the same). */
const sameSystem = (a: string | undefined, b: string): boolean => a === b || (dEcprSystems.some((s) => s === a) && dEcprSystems.some((s) => s === b));

/** The identifier asked for is the citizen's: the same value, under the system asked when one was. */
const matches = (identifierText: string, wanted: PersonIdentifier): boolean => {
  const own = patientIdentifier(identifierText);
  return own.value === wanted.value && (wanted.system === null || sameSystem(own.system, wanted.system));
};

/**
 * The citizens an identifier names, among those the actor may see: found by the citizen search
 * (its scope and audit), then each record read (`getCitizen`, audited).
 */
async function citizensOf(ctx: ServiceContext, patient: PatientCriterion): Promise<{ citizens: CitizenDetail[] }> {
  if (patient.by === 'reference') return { citizens: [await getCitizen(ctx, patient.citizenId)] };
  const found = await searchCitizensFor(ctx, { query: patient.identifier.value });
  const citizens: CitizenDetail[] = [];
  for (const item of found.items) if (matches(item.citizen.identifier, patient.identifier)) citizens.push(await getCitizen(ctx, item.citizen.id));
  return { citizens };
}

/** Everything of one type about one citizen that the actor may see: the home municipality's courses, and the referrals sent to the actor's municipality. */
async function compartment(ctx: ServiceContext, citizen: CitizenDetail, type: CompartmentType): Promise<FhirResource[]> {
  const found: FhirResource[] = [];
  for (const k of citizen.courses) found.push(...(await courseResources(ctx, k.courseId, type)));
  for (const id of await incomingReferralIdsOfCitizen(ctx, citizen.id)) found.push(...(await crossResources(ctx, await readIncoming(ctx, id), type)));
  return found;
}

function organisationMatches(identifiers: { system?: string; value: string }[], wanted: OrganisationIdentifier): boolean {
  return identifiers.some((i) => i.value === wanted.value && (wanted.system === null || i.system === wanted.system));
}

/**
 * An active organisation by SOR code or GLN, found by the column's unique index (not among all
 * the register's organisations); null when the identifier is of another system.
 */
async function organisationByKey(ctx: ServiceContext, wanted: OrganisationIdentifier | null): Promise<FhirResource[] | null> {
  if (!wanted || (wanted.system !== identifierSystem.sor && !isGlnSystem(wanted.system ?? undefined))) return null;
  const o: OrganisationDetail | undefined = await findOrganisationByIdentifierIn(ctx.db, { system: wanted.system ?? undefined, value: wanted.value });
  if (!o?.active) return [];
  return [toOrganization({ id: o.id, kind: o.kind, name: o.name, parentName: o.parent?.name ?? null, ydernummer: o.ydernummer, sorCode: o.sorCode, address: o.address, addressable: o.addressable, gln: o.gln })];
}

export type SearchResult = { resources: FhirResource[]; total: number };

export async function searchFhirResources(ctx: ServiceContext, search: SearchRequest): Promise<SearchResult> {
  switch (search.type) {
    case 'Patient': {
      const { citizens } = await citizensOf(ctx, { by: 'identifier', identifier: search.identifier });
      const resources = citizens.map(toPatient);
      return { resources, total: resources.length };
    }
    case 'Organization': {
      const byKey = await organisationByKey(ctx, search.identifier);
      if (byKey) return { resources: byKey, total: byKey.length };
      const all = [...(await listOrganisations(ctx)).map(toOrganization), ...(await municipalityList(ctx, { membersOnly: false })).map(toMunicipalityOrganization)];
      const wanted = search.identifier;
      const resources = wanted ? all.filter((o) => organisationMatches(o.identifier ?? [], wanted)) : all;
      return { resources, total: resources.length };
    }
    case 'AuditEvent': {
      const { citizens } = await citizensOf(ctx, search.patient);
      const resources: FhirResource[] = [];
      let total = 0;
      for (const c of citizens) {
        await requireAuditTrail(ctx, c.id);
        const page = await ctx.db.transaction().execute(async (trx) => {
          const read = await citizenAuditEvents(trx, c.id, { limit: search.page.count, offset: search.page.offset });
          await audit(trx, ctx, [{ action: 'audit_event.read', citizenId: c.id, entityType: 'citizen', entityId: c.id, outcome: 'allowed', detail: { events: read.events.length, offset: search.page.offset } }]);
          return read;
        });
        resources.push(...page.events.map(toAuditEvent));
        total += page.total;
      }
      return { resources, total };
    }
    case 'ServiceRequest':
    case 'Task':
    case 'CarePlan':
    case 'Goal':
    case 'QuestionnaireResponse':
    case 'Communication':
    case 'Appointment':
    case 'Encounter': {
      const { citizens } = await citizensOf(ctx, search.patient);
      const resources: FhirResource[] = [];
      for (const c of citizens) resources.push(...(await compartment(ctx, c, search.type)));
      return { resources, total: resources.length };
    }
  }
}
