import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/database/database.ts';
import type { FhirBundle } from '../../platform/fhir/fhir-json.ts';
import { loadR4Validators } from '../../platform/fhir/r4-validation.ts';
import { aCitizen, aReferralWithCourse } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { acknowledgedMessageOf, buildAcknowledgement } from '../medcom/acknowledgement-builder.ts';
import { BALLERUP, GP_CLINIC, newMessageInput, resourceOf } from '../medcom/medcom.test-helpers.ts';
import { validateCareCommunication } from '../medcom/medcom-validation.ts';
import type { MedcomIssue } from '../medcom/medcom-issue.ts';
import { seedReferenceData } from '../reference-data/reference-data.seed.ts';
import { fileDropFolders, fileDropTransport } from './file-drop.transport.ts';
import { MESSAGING_SYSTEM } from './inbox.types.ts';
import { runMessagingPasses } from './messaging-runner.ts';
import { findMessage } from './message.repository.ts';
import { queueCareCommunicationIn } from './outbox.service.ts';

let database: Database;
let root: string;
let now = new Date('2026-11-22T10:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const minutes = (n: number) => {
  now = new Date(now.getTime() + n * 60_000);
};
let citizenId: string;
let courseId: string;

const outFiles = () => fs.readdirSync(fileDropFolders(root).out).filter((f) => !f.startsWith('.'));
const readOut = (name: string) => JSON.parse(fs.readFileSync(path.join(fileDropFolders(root).out, name), 'utf8')) as FhirBundle;
const passes = () => runMessagingPasses({ db: database.db, clock, transport: fileDropTransport(root) });

/** The GP's answer to a message Samkraft sent, as the GP's system would drop it in our inbox. */
function acknowledgementFromGp(message: FhirBundle, code: 'ok' | 'fatal-error', issues: MedcomIssue[] = []): FhirBundle {
  const acknowledged = acknowledgedMessageOf(message);
  if (!acknowledged) throw new Error('cannot acknowledge');
  return buildAcknowledgement({ code, acknowledged, us: GP_CLINIC, issues, sentAt: clock.now() }).bundle;
}
function dropIn(name: string, bundle: FhirBundle) {
  fs.writeFileSync(path.join(fileDropFolders(root).in, name), JSON.stringify(bundle));
}
async function queue(text: string) {
  const input = newMessageInput({ text });
  const { sentAt: _sentAt, ids: _ids, ...rest } = input;
  return queueCareCommunicationIn(database.db, { db: database.db, actor: MESSAGING_SYSTEM, clock }, { input: rest, courseId, citizenId, municipalityCode: '0151' });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  citizenId = await aCitizen(database.db, { homeMunicipalityCode: '0151' });
  courseId = (await aReferralWithCourse(database.db, { citizenId, homeMunicipalityCode: '0151' })).courseId;
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-outbox-'));
  fs.mkdirSync(fileDropFolders(root).in, { recursive: true });
  await loadR4Validators();
}, 120_000);
afterAll(async () => {
  await database.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the outbox', () => {
  it('writes a queued CareCommunication to out/, and a positive acknowledgement dropped in in/ marks it delivered', async () => {
    const queued = await queue('Første besked');
    expect(queued).toMatchObject({ state: 'queued', sends: 0, kind: 'care_communication', courseId });
    await passes();
    const files = outFiles();
    expect(files).toEqual([`care-communication-${queued.envelopeId}.json`]);
    const sent = readOut(files[0]!);
    expect((await validateCareCommunication(sent)).valid).toBe(true);
    expect(await findMessage(database.db, queued.id)).toMatchObject({ state: 'sent', sends: 1, nextSendAt: new Date(now.getTime() + 30 * 60_000) });

    minutes(5);
    dropIn('ack-ok.json', acknowledgementFromGp(sent, 'ok'));
    const { inbox } = await passes();
    expect(inbox).toEqual({ processed: 1, rejected: 0, failed: 0 });
    expect(await findMessage(database.db, queued.id)).toMatchObject({ state: 'delivered', acknowledgementCode: 'ok', nextSendAt: null });
    // Never acknowledged in turn: nothing more in out/.
    expect(outFiles()).toHaveLength(1);
    fs.unlinkSync(path.join(fileDropFolders(root).out, files[0]!));
  }, 60_000);

  it('resends after 30 minutes without acknowledgement under a new Bundle.id, at most twice, then fails it for want of one', async () => {
    const queued = await queue('Anden besked');
    await passes();
    const first = readOut(outFiles()[0]!);
    minutes(29);
    await passes();
    expect(outFiles()).toHaveLength(1);
    minutes(1);
    await passes();
    expect(outFiles()).toHaveLength(2);
    minutes(30);
    await passes();
    const sends = outFiles().map(readOut);
    expect(sends).toHaveLength(3);
    // The same message each time (MessageHeader and all), each in a new envelope with its own sent time.
    expect(new Set(sends.map((b) => b.id)).size).toBe(3);
    expect(new Set(sends.map((b) => resourceOf(b, 'MessageHeader').id))).toEqual(new Set([resourceOf(first, 'MessageHeader').id]));
    expect(new Set(sends.map((b) => JSON.stringify({ ...b, id: undefined, timestamp: undefined }))).size).toBe(1);
    expect(await findMessage(database.db, queued.id)).toMatchObject({ state: 'sent', sends: 3 });
    minutes(30);
    expect((await passes()).outbox).toMatchObject({ sent: 0, resent: 0, failed: 1 });
    expect(outFiles()).toHaveLength(3);
    expect(await findMessage(database.db, queued.id)).toMatchObject({ state: 'failed', reasonCode: 'no_acknowledgement', nextSendAt: null });
    minutes(120);
    await passes();
    expect(outFiles()).toHaveLength(3);
    for (const f of outFiles()) fs.unlinkSync(path.join(fileDropFolders(root).out, f));
  }, 60_000);

  it('fails a message the receiver refuses, with the OperationOutcome’s text', async () => {
    const queued = await queue('Tredje besked');
    await passes();
    const sent = readOut(outFiles()[0]!);
    const issue: MedcomIssue = { severity: 'error', type: 'not-found', code: 'MSG_Receiver_Identifier_UNKNOWN', key: 'receiver', expression: 'MessageHeader.destination', da: 'modtageren er ukendt', en: 'the receiver is unknown' };
    dropIn('ack-fatal.json', acknowledgementFromGp(sent, 'fatal-error', [issue]));
    await passes();
    const failed = await findMessage(database.db, queued.id);
    expect(failed).toMatchObject({ state: 'failed', acknowledgementCode: 'fatal-error', reasonCode: 'MSG_Receiver_Identifier_UNKNOWN' });
    expect(failed?.reasonText).toMatch(/modtageren er ukendt/);
    expect(BALLERUP.gln).toBe(failed?.senderId);
  }, 60_000);
});
