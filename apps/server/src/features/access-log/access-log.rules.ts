import type { AccessLogEntry, AccessLogPage } from '@samkraft/contracts/access-log';
import { system as samkraftSystem } from '../fhir-api/fhir-codes.ts';
import { danishInstantText, narrative } from '../fhir-api/fhir-narrative.ts';
import type { AccessLogCursor, AccessLogRecord } from './access-log.repository.ts';
import { describePurpose, describeRead, roleWording, type ActorKind, type Words } from './access-log-wording.ts';

/*
 * The access log as the citizen reads it and as it is exported: each audited read turned into
 * plain words (who, where, in which role, what, why), and into an IHE Basic Audit Log Patterns
 * (BALP) "PatientRead" AuditEvent — a RESTful read (type `rest`, subtype `read`, action R) of data
 * whose subject is the patient, with the user, the server and the patient as BALP names them.
 */

export const DEFAULT_PAGE = 50;

export function actorKindOf(r: Pick<AccessLogRecord, 'actorUserId' | 'actorCitizenId'>): ActorKind {
  if (r.actorUserId) return 'staff';
  if (r.actorCitizenId) return 'citizen';
  return 'system';
}

export const cursorOf = (r: Pick<AccessLogRecord, 'atMicros' | 'id'>): string => `${r.atMicros}-${r.id}`;

export function parseCursor(before: string | undefined): AccessLogCursor | null {
  if (!before) return null;
  const m = /^([0-9]{1,17})-([0-9]{1,19})$/.exec(before);
  return m?.[1] && m[2] ? { atMicros: m[1], id: m[2] } : null;
}

const roleWords = (role: string): Words => roleWording[role] ?? { da: role, en: role };

export function toAccessLogEntry(r: AccessLogRecord): AccessLogEntry {
  const kind = actorKindOf(r);
  return {
    id: r.id,
    at: r.at.toISOString(),
    who: {
      kind,
      name: kind === 'staff' ? (r.actorName ?? r.actorLabel) : null,
      municipality: kind === 'staff' && r.actorMunicipalityCode ? { code: r.actorMunicipalityCode, name: r.actorMunicipalityName ?? r.actorMunicipalityCode } : null,
      roles: kind === 'staff' ? r.actorRoles.map(roleWords) : [],
    },
    what: describeRead(r.action),
    why: describePurpose(r.purpose, kind),
  };
}

/** A page from `limit + 1` rows read: the extra row only says there is an older page. */
export function toAccessLogPage(rows: AccessLogRecord[], limit: number): AccessLogPage {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { entries: shown.map(toAccessLogEntry), next: rows.length > limit && last ? cursorOf(last) : null };
}

export const BALP_PATIENT_READ = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientRead';

const code = {
  auditEventType: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
  restfulInteraction: 'http://hl7.org/fhir/restful-interaction',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  entityType: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
  objectRole: 'http://terminology.hl7.org/CodeSystem/object-role',
  sourceType: 'http://terminology.hl7.org/CodeSystem/security-source-type',
  purposeOfUse: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  roleCode: `${'https://samkraft.dk/fhir'}/CodeSystem/staff-role`,
  dicom: 'http://dicom.nema.org/resources/ontology/DCM',
} as const;

/** Why, as HL7's purpose of use: the citizen's own request (PATRQT), the system's work (HOPERAT), else treatment (TREAT). */
function purposeOfUse(kind: ActorKind): { code: string; display: string } {
  if (kind === 'citizen') return { code: 'PATRQT', display: 'patient requested' };
  if (kind === 'system') return { code: 'HOPERAT', display: 'healthcare operations' };
  return { code: 'TREAT', display: 'treatment' };
}

export type BalpAuditEvent = Record<string, unknown> & { resourceType: 'AuditEvent'; id: string };

/**
 * One read as a BALP PatientRead AuditEvent: the user who read (requestor) with role and
 * municipality, the server (Samkraft) as the destination, the patient and the data read as
 * entities, the purpose both coded and in plain Danish.
 */
export function toBalpAuditEvent(r: AccessLogRecord, patient: { reference: string; display?: string }): BalpAuditEvent {
  const e = toAccessLogEntry(r);
  const kind = e.who.kind;
  const who =
    kind === 'staff'
      ? { display: e.who.name ?? r.actorLabel, ...(r.actorUserId ? { identifier: { system: samkraftSystem.entity('staff_user'), value: r.actorUserId } } : {}) }
      : kind === 'citizen'
        ? { reference: patient.reference, display: 'Borgeren selv' }
        : { display: `Samkraft (${r.actorLabel})` };
  const purpose = purposeOfUse(kind);
  return {
    resourceType: 'AuditEvent',
    id: `access-${r.id}`,
    meta: { profile: [BALP_PATIENT_READ] },
    text: narrative(`Læsning: ${e.what.da}`, [
      ['Tidspunkt', danishInstantText(e.at)],
      ['Hvem', kind === 'staff' ? e.who.name : kind === 'citizen' ? 'Dig selv' : 'Samkraft (automatisk)'],
      ['Kommune', e.who.municipality?.name],
      ['Rolle', e.who.roles.map((x) => x.da).join(', ')],
      ['Hvad', e.what.da],
      ['Hvorfor', e.why.da],
    ]),
    type: { system: code.auditEventType, code: 'rest', display: 'Restful Operation' },
    subtype: [
      { system: code.restfulInteraction, code: 'read', display: 'read' },
      { system: samkraftSystem.auditAction, code: r.action, display: e.what.da },
    ],
    action: 'R',
    recorded: e.at,
    outcome: '0',
    purposeOfEvent: [{ coding: [{ system: code.purposeOfUse, code: purpose.code, display: purpose.display }], text: e.why.da }],
    agent: [
      {
        type: { coding: [{ system: code.participationType, code: 'IRCP', display: 'information recipient' }] },
        ...(e.who.roles.length > 0 ? { role: r.actorRoles.map((role, i) => ({ coding: [{ system: code.roleCode, code: role }], text: e.who.roles[i]?.da })) } : {}),
        who,
        requestor: true,
        ...(e.who.municipality ? { location: { display: `${e.who.municipality.name} Kommune` } } : {}),
      },
      {
        type: { coding: [{ system: code.dicom, code: '110152', display: 'Destination Role ID' }] },
        who: { display: 'Samkraft' },
        requestor: false,
      },
    ],
    source: { ...(e.who.municipality ? { site: e.who.municipality.code } : {}), observer: { display: 'Samkraft' }, type: [{ system: code.sourceType, code: '4', display: 'Application Server' }] },
    entity: [
      {
        what: patient,
        type: { system: code.entityType, code: '1', display: 'Person' },
        role: { system: code.objectRole, code: '1', display: 'Patient' },
      },
      {
        what: { ...(r.entityType && r.entityId ? { identifier: { system: samkraftSystem.entity(r.entityType), value: r.entityId } } : {}), display: e.what.da },
        type: { system: code.entityType, code: '2', display: 'System Object' },
        role: { system: code.objectRole, code: '4', display: 'Domain Resource' },
        ...(r.entityType ? { description: r.entityType } : {}),
      },
    ],
  };
}

/** A page of the log as a FHIR collection Bundle, with the link to the older page when there is one. */
export function toAccessLogBundle(o: { rows: AccessLogRecord[]; limit: number; patient: { reference: string; display?: string }; now: Date; nextUrl: (cursor: string) => string }): Record<string, unknown> {
  const shown = o.rows.slice(0, o.limit);
  const last = shown.at(-1);
  return {
    resourceType: 'Bundle',
    meta: { lastUpdated: o.now.toISOString() },
    type: 'collection',
    timestamp: o.now.toISOString(),
    ...(o.rows.length > o.limit && last ? { link: [{ relation: 'next', url: o.nextUrl(cursorOf(last)) }] } : {}),
    ...(shown.length > 0 ? { entry: shown.map((r) => ({ fullUrl: `urn:uuid:${balpUuid(r.id)}`, resource: toBalpAuditEvent(r, o.patient) })) } : {}),
  };
}

/** A stable urn:uuid for an event's number (FHIR's fullUrl of a resource with no server URL). */
export function balpUuid(id: string): string {
  const hex = BigInt(id).toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8000-${hex}`;
}
