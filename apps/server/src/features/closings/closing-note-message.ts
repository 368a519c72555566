import type { ClosingNoteChannel, ElectronicBlockReason } from '@samkraft/contracts/closings';
import type { MessageSummary } from '@samkraft/contracts/messaging';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { courseContactDetails } from '../courses/course-contact-details.service.ts';
import { latestOutgoingOfCourseIn } from '../messaging/messaging.service.ts';
import { patientIdentifierOf, practitionerRoleOf } from '../messaging/messaging.rules.ts';
import { queueCareCommunicationIn, type OutgoingCareCommunication } from '../messaging/outbox.service.ts';
import { findOrganisationIn, messagingUnitOfIn } from '../organisations/organisation.service.ts';
import type { ClosingCourseRecord } from './closing.repository.ts';

/*
 * The closing note to the citizen's GP as a MedCom CareCommunication (issue 12.3): from the home
 * municipality's messaging unit to the GP clinic, both with SOR code and GLN, about the citizen by
 * CPR or replacement CPR, the note's text with its PDF attached. Where one of these is missing the
 * note goes another way and is marked sent by hand, as before; the page says why.
 */

/**
 * MedCom's category for the closing note: `carecoordination` (Forløbskoordinering). The note closes
 * a coordinated rehabilitation course across municipalities and hands the citizen's onward plan
 * back to the GP, who coordinates what follows; `training` names only one kind of intervention,
 * `regarding-referral` questions about a referral, `discharge` a hospital discharge.
 */
export const CLOSING_NOTE_CATEGORY = 'carecoordination' as const;
export const CLOSING_NOTE_TOPIC = 'Afslutningsnotat';

type Party = { sor: string; gln: string; name: string };
type Route =
  | { ok: true; sender: Party; receiver: Party; patient: { kind: 'cpr' | 'x-ecpr' | 'd-ecpr'; value: string }; contactPerson: { name: string; profession: string } | undefined; phone: string }
  | { ok: false; reason: ElectronicBlockReason };

/**
 * Whether the note can go to the GP electronically, and from and to whom: the home municipality's
 * messaging unit, the GP clinic, the citizen's identifier, and the phone the GP calls back (the
 * contact person's, else the unit's).
 */
async function routeOf(db: Db, course: ClosingCourseRecord): Promise<Route> {
  const unit = await messagingUnitOfIn(db, course.homeMunicipalityCode);
  if (!unit?.sorCode || !unit.gln) return { ok: false, reason: 'unit_missing' };
  if (!course.gp) return { ok: false, reason: 'gp_unknown' };
  const gp = await findOrganisationIn(db, course.gp.id);
  if (!gp?.sorCode || !gp.gln) return { ok: false, reason: 'gp_not_addressable' };
  const patient = patientIdentifierOf(course.cpr);
  if (!patient) return { ok: false, reason: 'no_cpr' };
  const details = await courseContactDetails(db, course.courseId);
  const phone = (details?.contactPerson?.phone ?? details?.unitPhone ?? unit.phone ?? '').trim();
  if (phone === '') return { ok: false, reason: 'no_phone' };
  const contact = details?.contactPerson;
  return {
    ok: true,
    sender: { sor: unit.sorCode, gln: unit.gln, name: unit.name },
    receiver: { sor: gp.sorCode, gln: gp.gln, name: gp.name },
    patient,
    contactPerson: contact ? { name: contact.name, profession: contact.profession } : undefined,
    phone,
  };
}

/** How the note goes to the GP (for the closing page). */
export async function closingNoteChannelOf(db: Db, course: ClosingCourseRecord): Promise<ClosingNoteChannel> {
  const route = await routeOf(db, course);
  return route.ok ? { electronic: true, reason: null } : { electronic: false, reason: route.reason };
}

/** The CareCommunication that took the note to the GP, with its state. */
export function closingNoteMessageOf(db: Db, courseId: string): Promise<MessageSummary | undefined> {
  return latestOutgoingOfCourseIn(db, courseId, 'care_communication');
}

/** A person's name as given and family name (the last word). */
function nameParts(name: string): { given: string[]; family: string } {
  const words = name.trim().split(/\s+/);
  const family = words.pop() ?? name;
  return { given: words, family };
}

/**
 * Queues the note for the GP in the caller's transaction (it passes MedCom's validation or is an
 * error), written by the course's contact person (else the one who sends it). Returns false when
 * the note cannot go electronically.
 */
export async function queueClosingNoteIn(trx: Db, ctx: ServiceContext, course: ClosingCourseRecord, o: { body: string; pdf: Buffer }): Promise<boolean> {
  const route = await routeOf(trx, course);
  if (!route.ok) return false;
  const actor = ctx.actor.kind === 'staff' ? ctx.actor : undefined;
  const person = route.contactPerson ?? (actor ? { name: actor.displayName, profession: actor.profession } : { name: route.sender.name, profession: 'other' });
  const { given, family } = nameParts(person.name);
  const input: OutgoingCareCommunication = {
    kind: 'new',
    sender: { sor: route.sender.sor, gln: route.sender.gln, name: route.sender.name },
    receiver: route.receiver,
    patient: { identifier: route.patient, family: course.familyName, given: course.givenName.split(/\s+/).filter(Boolean) },
    category: CLOSING_NOTE_CATEGORY,
    topic: CLOSING_NOTE_TOPIC,
    text: o.body,
    attachment: { title: 'Afslutningsnotat', data: o.pdf.toString('base64'), contentType: 'application/pdf', creation: ctx.clock.now() },
    author: { given, family, role: practitionerRoleOf(person.profession), phone: route.phone },
  };
  await queueCareCommunicationIn(trx, ctx, { input, courseId: course.courseId, citizenId: course.citizenId, municipalityCode: course.homeMunicipalityCode });
  return true;
}
