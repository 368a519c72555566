import { beforeAll, describe, expect, it } from 'vitest';
import { loadR4Validators, validateBaseR4 } from '../../platform/fhir/r4-validation.ts';
import type { AccessLogRecord } from './access-log.repository.ts';
import { balpUuid, cursorOf, parseCursor, toAccessLogBundle, toAccessLogEntry, toAccessLogPage, toBalpAuditEvent } from './access-log.rules.ts';

const CITIZEN = '7d3c1a52-4a3e-4c59-9a57-2f3a1c0b9e11';

const record = (o: Partial<AccessLogRecord> = {}): AccessLogRecord => ({
  id: '42',
  at: new Date('2026-12-05T13:03:00.123Z'),
  atMicros: '1796475780123456',
  action: 'course.read',
  entityType: 'course',
  entityId: '0b1f0c8e-7a7e-4c1e-9d0e-3b4b5c6d7e8f',
  purpose: null,
  outcome: 'allowed',
  actorUserId: '00000000-0000-4000-8000-000000000001',
  actorCitizenId: null,
  actorLabel: 'gladsaxe.kontakt',
  actorName: 'Karen Kontakt',
  actorMunicipalityCode: '0159',
  actorMunicipalityName: 'Gladsaxe',
  actorRoles: ['contact_person', 'municipal_lead'],
  citizenId: CITIZEN,
  citizenName: null,
  ...o,
});

describe('the access log’s entries', () => {
  it('says who, where, in which role, what and why', () => {
    expect(toAccessLogEntry(record())).toEqual({
      id: '42',
      at: '2026-12-05T13:03:00.123Z',
      who: { kind: 'staff', name: 'Karen Kontakt', municipality: { code: '0159', name: 'Gladsaxe' }, roles: [{ da: 'kontaktperson', en: 'contact person' }, { da: 'leder', en: 'lead' }] },
      what: { da: 'dit forløb', en: 'your course' },
      why: { da: 'behandling af dit forløb', en: 'handling your course' },
    });
  });

  it('shows the citizen and the system as such, without a name or municipality', () => {
    const own = toAccessLogEntry(record({ actorUserId: null, actorCitizenId: CITIZEN, actorLabel: 'citizen', actorName: null, actorMunicipalityCode: null, actorRoles: [] }));
    expect(own.who).toEqual({ kind: 'citizen', name: null, municipality: null, roles: [] });
    const system = toAccessLogEntry(record({ actorUserId: null, actorLabel: 'system:kl-gateway', actorName: null, actorMunicipalityCode: null, actorRoles: [] }));
    expect(system.who.kind).toBe('system');
    expect(system.why.da).toBe('systemets automatiske behandling');
  });

  it('pages by a cursor of the last entry’s exact instant and number', () => {
    expect(cursorOf(record())).toBe('1796475780123456-42');
    expect(parseCursor('1796475780123456-42')).toEqual({ atMicros: '1796475780123456', id: '42' });
    expect(parseCursor('yesterday')).toBeNull();
    const rows = [record({ id: '3' }), record({ id: '2' }), record({ id: '1' })];
    expect(toAccessLogPage(rows, 2)).toMatchObject({ entries: [{ id: '3' }, { id: '2' }], next: '1796475780123456-2' });
    expect(toAccessLogPage(rows, 3).next).toBeNull();
  });
});

describe('the BALP PatientRead export', () => {
  beforeAll(async () => {
    await loadR4Validators();
  }, 120_000);

  it('is valid R4 for a staff member, the citizen and the system, with the patient as an entity', async () => {
    const patient = { reference: `Patient/${CITIZEN}` };
    const rows = [
      record(),
      record({ id: '43', actorUserId: null, actorCitizenId: CITIZEN, actorLabel: 'citizen', actorName: null, actorMunicipalityCode: null, actorRoles: [], action: 'access_log.read', entityType: 'citizen', entityId: CITIZEN }),
      record({ id: '44', actorUserId: null, actorLabel: 'system:kl-gateway', actorName: null, actorMunicipalityCode: null, actorRoles: [], action: 'kl_gateway.export', purpose: 'kl_gateway_SUL140', entityType: null, entityId: null }),
    ];
    const bundle = toAccessLogBundle({ rows, limit: 2, patient, now: new Date('2026-12-05T14:00:00Z'), nextUrl: (c) => `/next?before=${c}` });
    expect(await validateBaseR4(bundle)).toEqual([]);
    expect(bundle.link).toEqual([{ relation: 'next', url: '/next?before=1796475780123456-43' }]);
    const own = toBalpAuditEvent(rows[1]!, patient);
    expect(own).toMatchObject({ agent: [{ who: { reference: `Patient/${CITIZEN}` }, requestor: true }, { requestor: false }], purposeOfEvent: [{ coding: [{ code: 'PATRQT' }] }] });
    const system = toBalpAuditEvent(rows[2]!, patient);
    expect(await validateBaseR4(system)).toEqual([]);
    expect(system).toMatchObject({ agent: [{ who: { display: 'Samkraft (system:kl-gateway)' } }, {}], purposeOfEvent: [{ coding: [{ code: 'HOPERAT' }], text: 'lovpligtig indberetning til KL (genoptræning)' }] });
    expect(balpUuid('42')).toBe('00000000-0000-4000-8000-00000000002a');
  }, 60_000);
});
