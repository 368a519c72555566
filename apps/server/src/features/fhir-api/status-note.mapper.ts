import type { StatusNote } from '@samkraft/contracts/status-notes';
import { statusNoteKindDa, system } from './fhir-codes.ts';
import { fhirId, ref } from './fhir-ids.rules.ts';
import { danishDateText, danishInstantText, narrative } from './fhir-narrative.ts';
import type { Communication } from './fhir-types.ts';

/** Between whom a referral's notes go: from the provider to the home municipality, about one citizen. */
export type NoteParties = { crossReferralId: string; citizenId: string; homeMunicipalityCode: string; providerMunicipalityCode: string };

const endReasonDa: Record<NonNullable<StatusNote['endReason']>, string> = {
  completed: 'Gennemført',
  dropped_out: 'Udeblevet/stoppet',
  health_worsened: 'Forværret helbred',
  died: 'Død',
  moved: 'Flyttet',
  other: 'Andet',
};

/**
 * A referral's status notes, numbered in the order they were sent (an order that only grows), so
 * the home municipality's and the provider's reads give each note the same id.
 */
export function toStatusNoteCommunications(p: NoteParties, notes: readonly StatusNote[]): Communication[] {
  const bySending = notes.filter((n) => n.crossReferralId === p.crossReferralId).sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
  return bySending.map((n, i) => {
    const id = fhirId.statusNote(p.crossReferralId, i + 1);
    const endLines: [string, string | null][] = [
      ['Forløbets slutdato', danishDateText(n.courseEndOn)],
      ['Fremmøder', n.attendanceCount === null ? null : String(n.attendanceCount)],
      ['Mål nået', n.goalsReached],
      ['Årsag til afslutning', n.endReason ? endReasonDa[n.endReason] : null],
    ];
    const filled = endLines.filter((l): l is [string, string] => l[1] !== null && l[1].trim() !== '');
    return {
      resourceType: 'Communication',
      id,
      text: narrative(`Statusnotat: ${statusNoteKindDa[n.kind]}`, [
        ['Id', id],
        ['Henvisning', `ServiceRequest/${fhirId.crossReferral(p.crossReferralId)}`],
        ['Borger', `Patient/${p.citizenId}`],
        ['Fra', `${n.providerMunicipalityName} Kommune (Organization/${fhirId.municipality(p.providerMunicipalityCode)})`],
        ['Til', `Organization/${fhirId.municipality(p.homeMunicipalityCode)}`],
        ['Indsats', n.interventionName],
        ['Skrevet af', n.authorName],
        ['Sendt', danishInstantText(n.sentAt)],
        ['Læst', danishInstantText(n.readAt)],
        ['Notat', n.body],
        ...filled,
      ]),
      identifier: [{ system: system.uri, value: `urn:uuid:${n.id}` }],
      status: 'completed',
      category: [{ coding: [{ system: system.statusNoteKind, code: n.kind, display: statusNoteKindDa[n.kind] }], text: 'Statusnotat' }],
      subject: { reference: ref('Patient', fhirId.patient(p.citizenId)) },
      topic: { text: `Statusnotat: ${statusNoteKindDa[n.kind]} (${n.interventionName})` },
      about: [{ reference: ref('ServiceRequest', fhirId.crossReferral(p.crossReferralId)) }],
      sent: n.sentAt,
      ...(n.readAt ? { received: n.readAt } : {}),
      recipient: [{ reference: ref('Organization', fhirId.municipality(p.homeMunicipalityCode)) }],
      sender: { reference: ref('Organization', fhirId.municipality(p.providerMunicipalityCode)), display: `${n.providerMunicipalityName} Kommune` },
      payload: [{ contentString: n.body }, ...filled.map(([label, text]) => ({ contentString: `${label}: ${text}` }))],
    };
  });
}
