import { describe, expect, it } from 'vitest';
import { readHospitalNotification } from './hospitalnotification-reader.ts';
import { hospitalNotificationFixture } from './hospitalnotification.test-helpers.ts';

const EPISODE = { system: 'https://sor2.sum.dsdn.dk/#id=265161000016000', value: '5f0c2d7e-1b3a-4c8e-9f6d-7a2b1c3d4e5f' };
const ADMISSION = '1a6f0e2c-2b7d-4f3e-8c1a-0d9e8f7a6b01';

describe('readHospitalNotification', () => {
  it('reads an admission: who to whom, the citizen by CPR, the stay, the department, the activity and the request for an admission report', () => {
    expect(readHospitalNotification(hospitalNotificationFixture('STIN'))).toMatchObject({
      messageHeaderId: ADMISSION,
      sender: { sor: '265161000016000', gln: '5790000209354' },
      receiver: { sor: '330461000016004', gln: '5790001353308' },
      patient: { cpr: '2509479989', family: 'Elmer' },
      deceased: undefined,
      status: 'in-progress',
      encounterClass: 'IMP',
      start: '2026-03-02T08:00:00+01:00',
      end: undefined,
      leave: undefined,
      episodes: [EPISODE],
      department: { name: 'Hjerteafdelingen på Herlev og Gentofte hospital', sor: '265161000016000' },
      activity: 'admit-inpatient',
      sentAt: '2026-03-02T08:00:02+01:00',
      precedingMessageHeaderId: undefined,
      reportOfAdmission: true,
    });
  });

  it('reads a correction and a cancellation with the notification each names, and its role', () => {
    expect(readHospitalNotification(hospitalNotificationFixture('RE_STIN'))).toMatchObject({ activity: 'revise-admit-inpatient', start: '2026-03-02T07:30:00+01:00', precedingMessageHeaderId: ADMISSION, precedingRole: 'revision' });
    expect(readHospitalNotification(hospitalNotificationFixture('AN_STIN'))).toMatchObject({ activity: 'cancel-admit-inpatient', status: 'entered-in-error', precedingMessageHeaderId: ADMISSION, precedingRole: 'removal' });
  });

  it('reads a leave with its period, the end of a leave, a discharge and an acute ambulant stay', () => {
    expect(readHospitalNotification(hospitalNotificationFixture('STOR'))).toMatchObject({ status: 'onleave', leave: { start: '2026-03-05T14:00:00+01:00', end: undefined }, activity: 'start-leave-inpatient' });
    expect(readHospitalNotification(hospitalNotificationFixture('SLOR'))).toMatchObject({ status: 'in-progress', leave: { start: '2026-03-05T14:00:00+01:00', end: '2026-03-06T15:30:00+01:00' }, activity: 'end-leave-inpatient' });
    expect(readHospitalNotification(hospitalNotificationFixture('SLHJ'))).toMatchObject({ status: 'finished', end: '2026-03-09T09:45:00+01:00', activity: 'discharge-inpatient-home', episodes: [EPISODE] });
    expect(readHospitalNotification(hospitalNotificationFixture('STAA'))).toMatchObject({ status: 'in-progress', encounterClass: 'EMER', activity: 'admit-emergency' });
  });
});
