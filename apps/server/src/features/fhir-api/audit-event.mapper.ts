import type { AuditEventRecord } from '../../platform/audit/audit.ts';
import { system } from './fhir-codes.ts';
import { fhirId, ref } from './fhir-ids.rules.ts';
import { danishInstantText, narrative } from './fhir-narrative.ts';
import type { AuditEvent } from './fhir-types.ts';

const outcomeOf = { allowed: '0', denied: '4', failed: '8' } as const;
const outcomeDa = { allowed: 'Tilladt', denied: 'Afvist', failed: 'Fejlede' } as const;

/** What kind of action an event records, from its name (`<entity>.<verb>`): a read, a creation, else an update or execution. */
export function auditActionCode(action: string): AuditEvent['action'] {
  const verb = action.split('.').at(-1) ?? '';
  if (/^(read|list|search|lookup|inbox|provider_list|course_list|referral_read|pdf|preview|update_preview|draft|preparation_letter|unread_count)$/.test(verb)) return 'R';
  if (/^(create|send|write|record|deeper_assessment)$/.test(verb)) return 'C';
  if (/^(delete)$/.test(verb)) return 'D';
  return 'U';
}

/** One event of a citizen's access log: who, when, what, and whether it was allowed. */
export function toAuditEvent(e: AuditEventRecord): AuditEvent {
  const id = e.id;
  const entities = [
    ...(e.citizenId ? [{ what: { reference: ref('Patient', fhirId.patient(e.citizenId)) } }] : []),
    ...(e.entityType && e.entityId ? [{ what: { identifier: { system: system.entity(e.entityType), value: e.entityId } }, description: e.entityType }] : []),
  ];
  return {
    resourceType: 'AuditEvent',
    id,
    text: narrative(`Logning: ${e.action}`, [
      ['Id', id],
      ['Tidspunkt', danishInstantText(e.at.toISOString())],
      ['Bruger', e.actorLabel],
      ['Kommune', e.actorMunicipality],
      ['Roller', e.actorRoles.join(', ')],
      ['Handling', e.action],
      ['Formål', e.purpose],
      ['Udfald', outcomeDa[e.outcome]],
      ['Borger', e.citizenId ? `Patient/${e.citizenId}` : null],
      ['Post', e.entityType && e.entityId ? `${e.entityType} ${e.entityId}` : null],
    ]),
    type: { system: system.dicom, code: '110110', display: 'Patient Record' },
    subtype: [{ system: system.auditAction, code: e.action }],
    action: auditActionCode(e.action),
    recorded: e.at.toISOString(),
    outcome: outcomeOf[e.outcome],
    ...(e.purpose ? { purposeOfEvent: [{ text: e.purpose }] } : {}),
    agent: [
      {
        ...(e.actorRoles.length > 0 ? { role: e.actorRoles.map((r) => ({ text: r })) } : {}),
        who: { display: e.actorLabel, ...(e.actorUserId ? { identifier: { system: system.entity('staff_user'), value: e.actorUserId } } : {}) },
        requestor: true,
      },
    ],
    source: { ...(e.actorMunicipality ? { site: e.actorMunicipality } : {}), observer: { display: 'Samkraft' } },
    ...(entities.length > 0 ? { entity: entities } : {}),
  };
}
