import type { ClosingNoteChannel, ElectronicBlockReason } from '@samkraft/contracts/closings';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { courseContactDetails } from '../courses/course-contact-details.service.ts';
import { outgoingMessageOfCourseIn } from '../messaging/messaging.service.ts';
import { nameParts, patientIdentifierOf, practitionerRoleOf } from '../messaging/messaging.rules.ts';
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
type Sender = { sender: Party; patient: { kind: 'cpr' | 'x-ecpr' | 'd-ecpr'; value: string }; contactPerson: { name: string; profession: string } | undefined; phone: string };
type Route = ({ ok: true; receiver: Party } & Sender) | { ok: false; reason: ElectronicBlockReason };

/**
 * Whether the note can go electronically, and from and to whom: the home municipality's messaging
 * unit (SOR code and GLN), the receiver (`receiverOf`, checked next), the citizen's identifier, and
 * the phone the receiver calls back (the contact person's, else the unit's).
 */
async function routeVia(db: Db, course: ClosingCourseRecord, receiverOf: () => Promise<Party | ElectronicBlockReason>): Promise<Route> {
  const unit = await messagingUnitOfIn(db, course.homeMunicipalityCode);
  if (!unit?.sorCode || !unit.gln) return { ok: false, reason: 'unit_missing' };
  const receiver = await receiverOf();
  if (typeof receiver === 'string') return { ok: false, reason: receiver };
  const patient = patientIdentifierOf(course.cpr);
  if (!patient) return { ok: false, reason: 'no_cpr' };
  const details = await courseContactDetails(db, course.courseId);
  const phone = (details?.contactPerson?.phone ?? details?.unitPhone ?? unit.phone ?? '').trim();
  if (phone === '') return { ok: false, reason: 'no_phone' };
  const contact = details?.contactPerson;
  return { ok: true, sender: { sor: unit.sorCode, gln: unit.gln, name: unit.name }, receiver, patient, contactPerson: contact ? { name: contact.name, profession: contact.profession } : undefined, phone };
}

/** Whether the note can go to the GP electronically. */
function routeOf(db: Db, course: ClosingCourseRecord): Promise<Route> {
  return routeVia(db, course, async () => {
    if (!course.gp) return 'gp_unknown';
    const gp = await findOrganisationIn(db, course.gp.id);
    return gp?.sorCode && gp.gln ? { sor: gp.sorCode, gln: gp.gln, name: gp.name } : 'gp_not_addressable';
  });
}

/** Whether the note can go to this hospital department electronically (it has SOR code and GLN, and the municipality can send). */
function departmentRouteOf(db: Db, course: ClosingCourseRecord, departmentId: string): Promise<Route> {
  return routeVia(db, course, async () => {
    const d = await findOrganisationIn(db, departmentId);
    return d?.sorCode && d.gln ? { sor: d.sorCode, gln: d.gln, name: d.parent ? `${d.parent.name}, ${d.name}` : d.name } : 'department_not_addressable';
  });
}

/** How the note goes to the GP, and whether the municipality can send electronically at all (for the closing page). */
export async function closingNoteChannelOf(db: Db, course: ClosingCourseRecord): Promise<ClosingNoteChannel> {
  const route = await routeOf(db, course);
  if (route.ok) return { electronic: true, reason: null, senderReady: true };
  // The GP's own reasons say nothing of the sender: ask again as for a receiver that can receive.
  const sender = route.reason === 'gp_unknown' || route.reason === 'gp_not_addressable' ? await routeVia(db, course, () => Promise.resolve({ sor: '', gln: '', name: '' })) : route;
  return { electronic: false, reason: route.reason, senderReady: sender.ok };
}

/** Whether the note goes to the hospital department electronically. */
export async function departmentIsElectronic(db: Db, course: ClosingCourseRecord, departmentId: string): Promise<boolean> {
  return (await departmentRouteOf(db, course, departmentId)).ok;
}

/** The CareCommunications that took the note to the GP and to the hospital department, with their states. */
export async function closingNoteMessagesOf(db: Db, courseId: string, ids: { gpMessageId: string | null; hospitalMessageId: string | null } | undefined) {
  const gp = ids?.gpMessageId ? await outgoingMessageOfCourseIn(db, courseId, ids.gpMessageId) : undefined;
  const hospital = ids?.hospitalMessageId ? await outgoingMessageOfCourseIn(db, courseId, ids.hospitalMessageId) : undefined;
  return { gp: gp ?? null, hospital: hospital ?? null };
}

/**
 * Queues the note for the GP, or for the hospital department, in the caller's transaction (it
 * passes MedCom's validation or is an error), written by the course's contact person (else the one
 * who sends it). Returns the message's id, or undefined when the note cannot go electronically.
 */
export async function queueClosingNoteIn(
  trx: Db,
  ctx: ServiceContext,
  course: ClosingCourseRecord,
  o: { body: string; pdf: Buffer; to: { gp: true } | { departmentId: string } },
): Promise<string | undefined> {
  const route = 'gp' in o.to ? await routeOf(trx, course) : await departmentRouteOf(trx, course, o.to.departmentId);
  if (!route.ok) return undefined;
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
  const record = await queueCareCommunicationIn(trx, ctx, { input, courseId: course.courseId, citizenId: course.citizenId, municipalityCode: course.homeMunicipalityCode });
  return record.id;
}
