import { describe, expect, it } from 'vitest';
import { currentStay, decideStay, reportedDeath, stayEpisode, type StayState } from './hospital-stay.rules.ts';

const stay = (o: Partial<StayState> = {}): StayState => ({
  encounterClass: 'IMP',
  status: 'in-progress',
  activity: 'admit-inpatient',
  admittedAt: new Date('2026-03-02T07:00:00Z'),
  endedAt: null,
  leaveStartedAt: null,
  leaveEndedAt: null,
  deceased: false,
  departmentName: 'Hjerteafdelingen',
  departmentSor: '265161000016000',
  senderId: '5790000209354',
  letterId: 'a',
  notifiedAt: new Date('2026-03-02T07:00:02Z'),
  ...o,
});

describe('decideStay', () => {
  it('keeps the first notification of a stay, and replaces it with a newer one — a correction, a cancellation or the next event alike', () => {
    expect(decideStay(undefined, stay())).toEqual({ write: 'insert', state: stay() });
    const cancel = stay({ status: 'entered-in-error', activity: 'cancel-admit-inpatient', notifiedAt: new Date('2026-03-02T11:00:00Z') });
    expect(decideStay(stay(), cancel)).toEqual({ write: 'update', state: cancel });
  });

  it('ignores a notification older than the one kept (out of order)', () => {
    const discharge = stay({ status: 'finished', activity: 'discharge-inpatient-home', notifiedAt: new Date('2026-03-09T08:45:32Z') });
    expect(decideStay(discharge, stay())).toEqual({ write: 'none', reason: 'older_than_kept' });
  });
});

describe('currentStay', () => {
  it('shows the latest admission in progress or on leave; a finished, cancelled or dead one is not shown', () => {
    expect(currentStay([stay({ status: 'finished' }), stay({ status: 'entered-in-error' }), stay({ deceased: true })])).toBeNull();
    expect(currentStay([stay(), stay({ encounterClass: 'EMER', admittedAt: new Date('2026-03-12T09:00:00Z'), departmentName: null })])).toEqual({ kind: 'emergency', since: '2026-03-12T09:00:00.000Z', department: null, onLeaveSince: null });
    expect(currentStay([stay({ status: 'onleave', leaveStartedAt: new Date('2026-03-05T13:00:00Z') })])).toMatchObject({ kind: 'admitted', onLeaveSince: '2026-03-05T13:00:00.000Z' });
  });
});

describe('stayEpisode', () => {
  it('is the hospital’s own episode-of-care identifier (under its SOR address), else the first given', () => {
    const lpr3 = { system: 'https://www.esundhed.dk/Registre/Landspatientregisteret', value: 'urn:uuid:fc60e762' };
    const own = { system: 'https://sor2.sum.dsdn.dk/#id=265161000016000', value: 'urn:uuid:bd481c38' };
    expect(stayEpisode([lpr3, own])).toEqual(own);
    expect(stayEpisode([lpr3])).toEqual(lpr3);
    expect(stayEpisode([])).toBeUndefined();
  });
});

describe('reportedDeath', () => {
  it('is the newest notification of a death; nothing when no stay says so, or when the stay was cancelled', () => {
    expect(reportedDeath([stay(), stay({ status: 'finished' })])).toBeNull();
    expect(reportedDeath([stay({ deceased: true, status: 'entered-in-error' })])).toBeNull();
    const first = stay({ deceased: true, notifiedAt: new Date('2026-03-04T06:10:00Z') });
    const second = stay({ deceased: true, departmentName: null, notifiedAt: new Date('2026-03-04T09:00:00Z') });
    expect(reportedDeath([first, second, stay()])).toEqual({ notifiedAt: '2026-03-04T09:00:00.000Z', department: null });
    expect(reportedDeath([first])).toEqual({ notifiedAt: '2026-03-04T06:10:00.000Z', department: 'Hjerteafdelingen' });
  });
});
