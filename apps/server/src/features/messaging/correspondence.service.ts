import type { CourseMessage, CourseMessageList, MessageRecipient, MessageRecipients, NotAddressableReason } from '@samkraft/contracts/messaging';
import type { OrganisationDetail } from '@samkraft/contracts/organisations';
import type { z } from 'zod';
import type { courseMessageWrite } from '@samkraft/contracts/messaging';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCourseAccess } from '../courses/course-access.service.ts';
import type { CourseKey } from '../courses/course.types.ts';
import { courseContactDetails } from '../courses/course-contact-details.service.ts';
import { readCareCommunication, type CareCommunicationModel } from '../medcom/carecommunication-reader.ts';
import { organisationInput, type MedcomOrganisationInput } from '../medcom/medcom-organisation.ts';
import { findOrganisationIn, listOrganisationRegister, messagingUnitOfIn } from '../organisations/organisation.service.ts';
import { attachmentsOf, checkWrite, toCourseMessage } from './correspondence.rules.ts';
import { findCourseCitizen, type CourseCitizen } from './message-matching.repository.ts';
import { findMessage, findPayload, listCourseMessagesWithPayload, type MessageRecord } from './message.repository.ts';
import { nameParts, patientIdentifierOf, practitionerRoleOf } from './messaging.rules.ts';
import { queueCareCommunicationIn } from './outbox.service.ts';

/*
 * The course's correspondence with the health system (issue 12): the CareCommunications sent and
 * received on a course, read by its home municipality's staff (every read audited), and a new
 * message, a reply or a forward written from the course to the citizen's GP or a hospital
 * department with SOR code and GLN — built, validated and queued in the outbox in one transaction.
 * A providing municipality sees none of it: the course access rule keeps the home course its own.
 */

type WriteBody = z.output<typeof courseMessageWrite>;

/** Organisations a message can be written to from a course. */
const RECEIVER_KINDS = new Set(['gp_clinic', 'hospital_department', 'hospital']);

function modelOf(m: { kind: string; format: string }, payload: Uint8Array | undefined): CareCommunicationModel | undefined {
  if (m.kind !== 'care_communication' || m.format !== 'fhir_json' || !payload) return undefined;
  try {
    return readCareCommunication(JSON.parse(new TextDecoder().decode(payload)));
  } catch {
    return undefined;
  }
}

/** The course's messages, newest first, with their texts and attachments; the read is audited with the citizen. */
export async function listCourseCorrespondence(ctx: ServiceContext, courseId: string): Promise<CourseMessageList> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'message.course_list');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listCourseMessagesWithPayload(trx, courseId);
    await audit(trx, ctx, [{ action: 'message.course_list', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed', detail: { count: rows.length } }]);
    return { items: rows.map((r) => toCourseMessage(r, modelOf(r, r.payload))) };
  });
}

/** An attachment a message of the course carries, as bytes; the read is audited with the citizen. */
export async function getCourseMessageAttachment(ctx: ServiceContext, courseId: string, messageId: string, index: number): Promise<{ bytes: Buffer; contentType: string; filename: string }> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'message.attachment');
  return ctx.db.transaction().execute(async (trx) => {
    const message = await findMessage(trx, messageId);
    if (!message || message.courseId !== courseId) throw AppError.notFound('Message');
    const attachment = attachmentsOf(modelOf(message, await findPayload(trx, messageId)))[index];
    if (!attachment?.data) throw AppError.notFound('Attachment');
    await audit(trx, ctx, [{ action: 'message.attachment', citizenId: key.citizenId, entityType: 'message', entityId: messageId, outcome: 'allowed', detail: { courseId, index } }]);
    const extension = attachment.contentType === 'application/pdf' ? '.pdf' : '';
    const base = (attachment.title ?? 'bilag').replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 80) || 'bilag';
    return { bytes: Buffer.from(attachment.data, 'base64'), contentType: attachment.contentType ?? 'application/octet-stream', filename: base.endsWith(extension) ? base : `${base}${extension}` };
  });
}

type Sending = { sender: MedcomOrganisationInput; patient: NonNullable<ReturnType<typeof patientIdentifierOf>>; phone: string };

/** From whom the course's messages go, or why none can: the municipality's unit with SOR and GLN, the citizen's identifier, a phone to call back. */
async function sendingOf(db: Db, citizen: CourseCitizen): Promise<Sending | NotAddressableReason> {
  const unit = await messagingUnitOfIn(db, citizen.municipalityCode);
  if (!unit?.sorCode || !unit.gln) return 'unit_missing';
  const patient = patientIdentifierOf(citizen.cpr);
  if (!patient) return 'no_cpr';
  const details = await courseContactDetails(db, citizen.courseId);
  const phone = (details?.contactPerson?.phone ?? details?.unitPhone ?? unit.phone ?? '').trim();
  if (phone === '') return 'no_phone';
  return { sender: { sor: unit.sorCode, gln: unit.gln, name: unit.name }, patient, phone };
}

function recipientOf(o: OrganisationDetail): MessageRecipient {
  return { organisationId: o.id, kind: o.kind, name: o.name, parentName: o.parent?.name ?? null, addressable: Boolean(o.sorCode && o.gln) };
}

async function requireCitizen(db: Db, courseId: string): Promise<CourseCitizen> {
  const citizen = await findCourseCitizen(db, courseId);
  if (!citizen) throw AppError.notFound('Course');
  return citizen;
}

/** Whom the course can write to (the citizen's GP, the hospital departments), each addressable or not; audited as a read of the citizen's GP. */
export async function listMessageRecipients(ctx: ServiceContext, courseId: string): Promise<MessageRecipients> {
  const key = await requireCourseAccess(ctx, courseId, 'read', 'message.recipients');
  return ctx.db.transaction().execute(async (trx) => {
    const citizen = await requireCitizen(trx, courseId);
    const sending = await sendingOf(trx, citizen);
    const gp = citizen.gpOrganisationId ? await findOrganisationIn(trx, citizen.gpOrganisationId) : undefined;
    const departments = await listOrganisationRegister({ ...ctx, db: trx }, { kind: 'hospital_department', status: 'active', offset: 0, limit: 200 });
    await audit(trx, ctx, [{ action: 'message.recipients', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'allowed' }]);
    return {
      blocked: typeof sending === 'string' ? sending : null,
      gp: gp?.active ? recipientOf(gp) : null,
      departments: departments.items.map(recipientOf).sort((a, b) => `${a.parentName ?? ''} ${a.name}`.localeCompare(`${b.parentName ?? ''} ${b.name}`, 'da')),
    };
  });
}

/** The earlier message a reply or forward names, with its model; undefined when not found. */
async function previousOf(db: Db, id: string | null): Promise<{ record: MessageRecord; model: CareCommunicationModel | undefined } | undefined> {
  if (!id) return undefined;
  const record = await findMessage(db, id);
  return record ? { record, model: modelOf(record, await findPayload(db, id)) } : undefined;
}

/** The author of the message: the person who writes it. */
function authorOf(ctx: ServiceContext, sending: Sending) {
  const person = ctx.actor.kind === 'staff' ? { name: ctx.actor.displayName, profession: ctx.actor.profession } : { name: sending.sender.name, profession: 'other' };
  const { given, family } = nameParts(person.name);
  return { given, family, role: practitionerRoleOf(person.profession), phone: sending.phone };
}

async function writeIn(trx: Db, ctx: ServiceContext, key: CourseKey, body: WriteBody): Promise<CourseMessage> {
  const citizen = await requireCitizen(trx, key.courseId);
  const sending = await sendingOf(trx, citizen);
  const previous = body.activity === 'new' ? undefined : await previousOf(trx, body.previousMessageId);
  const chosen = body.activity !== 'reply' && body.receiverOrganisationId ? await findOrganisationIn(trx, body.receiverOrganisationId) : undefined;
  const receiverFound = chosen !== undefined && chosen.active && RECEIVER_KINDS.has(chosen.kind);
  const issues = checkWrite({
    body,
    blocked: typeof sending === 'string' ? sending : null,
    previous: previous && {
      ofCourse: previous.record.courseId === key.courseId,
      direction: previous.record.direction,
      careCommunication: previous.model !== undefined,
      category: previous.model?.category,
      topic: previous.model?.topic,
      senderAddressable: organisationInput(previous.model?.sender) !== undefined,
    },
    receiver: body.receiverOrganisationId ? { found: receiverFound, addressable: Boolean(chosen?.sorCode && chosen.gln) } : undefined,
  });
  if (issues.length > 0 || typeof sending === 'string') throw AppError.validation(issues);
  const receiver = body.activity === 'reply' ? organisationInput(previous?.model?.sender) : chosen?.sorCode && chosen.gln ? { sor: chosen.sorCode, gln: chosen.gln, name: chosen.parent ? `${chosen.parent.name}, ${chosen.name}` : chosen.name } : undefined;
  if (!receiver) throw AppError.validation([{ field: 'receiverOrganisationId', code: 'not_addressable', message: 'the receiver has no SOR code and GLN' }]);
  const record = await queueCareCommunicationIn(trx, ctx, {
    input: {
      kind: body.activity,
      ...(previous?.model ? { previous: previous.model } : {}),
      sender: sending.sender,
      receiver,
      patient: { identifier: sending.patient, family: citizen.familyName, given: citizen.givenName.split(/\s+/).filter(Boolean) },
      ...(body.category ? { category: body.category } : {}),
      ...(body.topic ? { topic: body.topic } : {}),
      text: body.text,
      author: authorOf(ctx, sending),
    },
    courseId: key.courseId,
    citizenId: key.citizenId,
    municipalityCode: citizen.municipalityCode,
  });
  await audit(trx, ctx, [
    {
      action: 'message.write',
      citizenId: key.citizenId,
      entityType: 'message',
      entityId: record.id,
      outcome: 'allowed',
      detail: { courseId: key.courseId, activity: body.activity, previousMessageId: previous?.record.id ?? null, receiverId: receiver.gln },
    },
  ]);
  return toCourseMessage(record, modelOf(record, await findPayload(trx, record.id)));
}

/**
 * A message written from the course: checked (each refused field named), built with its
 * Provenance (new, reply or forward, naming the earlier message), validated by MedCom's profile
 * and both base validators, and queued for the outbox — all in one transaction, so a refusal
 * leaves nothing. A refusal is audited on its own.
 */
export async function writeCourseMessage(ctx: ServiceContext, courseId: string, body: WriteBody): Promise<CourseMessage> {
  const key = await requireCourseAccess(ctx, courseId, 'write', 'message.write');
  try {
    return await ctx.db.transaction().execute((trx) => writeIn(trx, ctx, key, body));
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') {
      await audit(ctx.db, ctx, [
        { action: 'message.write', citizenId: key.citizenId, entityType: 'course', entityId: courseId, outcome: 'denied', detail: { reason: error.code, fields: error.fields.map((f) => `${f.field}:${f.code}`) } },
      ]);
    }
    throw error;
  }
}
