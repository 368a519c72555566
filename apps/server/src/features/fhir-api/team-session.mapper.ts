import type { ReferralAttendance, ReferralSession } from '../teams/referral-attendance.service.ts';
import { system } from './fhir-codes.ts';
import { fhirId, ref } from './fhir-ids.rules.ts';
import { danishInstantText, narrative } from './fhir-narrative.ts';
import type { Appointment, Encounter } from './fhir-types.ts';

/*
 * A citizen's team sessions on one referral: each session the citizen is on is an Appointment
 * (booked, fulfilled, no-show, or cancelled by the team or by the citizen's afbud), and each
 * session attended is an Encounter.
 */

type SessionOf = { enrolmentNo: number; team: ReferralAttendance['enrolments'][number]['team']; session: ReferralSession };

function sessionsOf(a: ReferralAttendance): SessionOf[] {
  return a.enrolments.flatMap((e, i) => e.sessions.map((session) => ({ enrolmentNo: i + 1, team: e.team, session })));
}

const endOf = (s: ReferralSession) => new Date(s.startsAt.getTime() + s.durationMinutes * 60_000).toISOString();

const markDa = { attended: 'Fremmødt', cancelled: 'Afbud', no_show: 'Udeblevet' } as const;

function appointmentStatus(s: ReferralSession): Appointment['status'] {
  if (s.cancelled) return 'cancelled';
  switch (s.mark?.status) {
    case 'attended':
      return 'fulfilled';
    case 'no_show':
      return 'noshow';
    case 'cancelled':
      return 'cancelled';
    case undefined:
      return 'booked';
  }
}

export function toAppointments(a: ReferralAttendance): Appointment[] {
  return sessionsOf(a).map(({ enrolmentNo, team, session: s }) => {
    const id = fhirId.teamSession(a.crossReferralId, enrolmentNo, s.startsAt);
    const status = appointmentStatus(s);
    const reason = s.cancelled ? (s.cancelReason ?? 'Aflyst af holdet') : s.mark?.status === 'cancelled' ? (s.mark.cancelReason ?? 'Afbud') : null;
    const description = `${team.name}${s.kind === 'follow_up' ? ' (opfølgning)' : ''}`;
    return {
      resourceType: 'Appointment',
      id,
      text: narrative(`Holdsession: ${description}`, [
        ['Id', id],
        ['Henvisning', `ServiceRequest/${fhirId.crossReferral(a.crossReferralId)}`],
        ['Borger', `Patient/${a.citizenId}`],
        ['Tid', `${danishInstantText(s.startsAt.toISOString()) ?? ''} (${s.durationMinutes} min.)`],
        ['Lokale', s.room],
        ['Status', s.cancelled ? 'Aflyst af holdet' : s.mark ? markDa[s.mark.status] : 'Planlagt'],
        ['Årsag', reason],
      ]),
      status,
      ...(reason ? { cancelationReason: { text: reason } } : {}),
      serviceType: [{ text: team.name }],
      description,
      start: s.startsAt.toISOString(),
      end: endOf(s),
      minutesDuration: s.durationMinutes,
      ...(s.room ? { comment: `Lokale: ${s.room}` } : {}),
      basedOn: [{ reference: ref('ServiceRequest', fhirId.crossReferral(a.crossReferralId)) }],
      participant: [{ actor: { reference: ref('Patient', fhirId.patient(a.citizenId)) }, required: 'required', status: s.mark?.status === 'cancelled' ? 'declined' : 'accepted' }],
    };
  });
}

export function toEncounters(a: ReferralAttendance): Encounter[] {
  return sessionsOf(a)
    .filter(({ session: s }) => !s.cancelled && s.mark?.status === 'attended')
    .map(({ enrolmentNo, team, session: s }) => {
      const id = fhirId.teamSession(a.crossReferralId, enrolmentNo, s.startsAt);
      return {
        resourceType: 'Encounter',
        id,
        text: narrative(`Fremmøde: ${team.name}`, [
          ['Id', id],
          ['Aftale', `Appointment/${id}`],
          ['Borger', `Patient/${a.citizenId}`],
          ['Tid', `${danishInstantText(s.startsAt.toISOString()) ?? ''} (${s.durationMinutes} min.)`],
          ['Lokale', s.room],
        ]),
        status: 'finished',
        class: { system: system.actCode, code: 'AMB', display: 'ambulatory' },
        type: [{ text: `Holdtræning: ${team.name}` }],
        subject: { reference: ref('Patient', fhirId.patient(a.citizenId)) },
        basedOn: [{ reference: ref('ServiceRequest', fhirId.crossReferral(a.crossReferralId)) }],
        appointment: [{ reference: ref('Appointment', id) }],
        period: { start: s.startsAt.toISOString(), end: endOf(s) },
        serviceProvider: { reference: ref('Organization', fhirId.municipality(team.hostMunicipalityCode)) },
      };
    });
}
