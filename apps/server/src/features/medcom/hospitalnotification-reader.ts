import { extensionValue, list, obj, objects, str } from '../../platform/fhir/fhir-json.ts';
import type { MedcomOrganisation } from './medcom-organisation.ts';
import type { MessagePatient, MessageProvenance } from './medcom-message-reader.ts';
import { messageParts, readPatient, readProvenances } from './medcom-message-reader.ts';
import { hospitalNotificationActivities, medcomExtension, type HospitalEncounterClass, type HospitalEncounterStatus, type HospitalNotificationActivity } from './medcom-terminology.ts';

/*
 * A received HospitalNotification as a plain model: who sent it to whom, the citizen, the stay
 * (Encounter: status, class, period, leave, episode of care, the department) and what this
 * message is (its Provenance's activity, and the notification it revises or cancels). The reader
 * expects a message that passed validation but never throws on a missing optional part.
 */

export type EpisodeOfCare = { system: string | undefined; value: string };

export type HospitalNotificationModel = {
  bundleId: string | undefined;
  timestamp: string | undefined;
  messageHeaderId: string | undefined;
  sender: MedcomOrganisation | undefined;
  receiver: MedcomOrganisation | undefined;
  patient: MessagePatient | undefined;
  /** Patient.deceased: true in a death notification (MORS), false when a death is cancelled. */
  deceased: boolean | undefined;
  status: HospitalEncounterStatus | undefined;
  encounterClass: HospitalEncounterClass | undefined;
  start: string | undefined;
  end: string | undefined;
  leave: { start: string | undefined; end: string | undefined } | undefined;
  /** Every episode-of-care identifier of the stay (the hospital's own, and LPR3's when given). */
  episodes: EpisodeOfCare[];
  /** The department responsible for the stay (Encounter.serviceProvider). */
  department: MedcomOrganisation | undefined;
  /** This message's activity (its Provenance targets this MessageHeader), when it is a HospitalNotification activity. */
  activity: HospitalNotificationActivity | undefined;
  /** When this notification was sent (its Provenance's recorded, else occurred time). */
  sentAt: string | undefined;
  precedingMessageHeaderId: string | undefined;
  precedingRole: 'revision' | 'removal' | undefined;
  reportOfAdmission: boolean;
  provenances: MessageProvenance[];
};

const isActivity = (code: string | undefined): code is HospitalNotificationActivity => code !== undefined && code in hospitalNotificationActivities;

export function readHospitalNotification(message: unknown): HospitalNotificationModel {
  const { bundle, entries, header, destination, resolve, organisation } = messageParts(message);
  const encounter = resolve(list(header.focus)[0]) ?? entries.find((r) => r.resourceType === 'Encounter');
  const patient = resolve(encounter?.subject) ?? entries.find((r) => r.resourceType === 'Patient');
  const provenances = readProvenances(entries, organisation);
  const own = provenances.find((p) => p.messageHeaderId !== undefined && p.messageHeaderId === header.id);
  const period = obj(encounter?.period);
  const leave = obj(extensionValue(encounter, medcomExtension.leavePeriod, 'valuePeriod'));
  const deceased = patient?.deceasedBoolean;
  return {
    bundleId: str(bundle.id),
    timestamp: str(bundle.timestamp),
    messageHeaderId: header.id,
    sender: organisation(header.sender),
    receiver: organisation(destination?.receiver),
    patient: readPatient(patient),
    deceased: typeof deceased === 'boolean' ? deceased : undefined,
    status: str(encounter?.status) as HospitalEncounterStatus | undefined,
    encounterClass: str(obj(encounter?.class)?.code) as HospitalEncounterClass | undefined,
    start: str(period?.start),
    end: str(period?.end),
    leave: leave ? { start: str(leave.start), end: str(leave.end) } : undefined,
    episodes: objects(encounter?.episodeOfCare).flatMap((e): EpisodeOfCare[] => {
      const identifier = obj(e.identifier);
      const value = str(identifier?.value);
      return value === undefined ? [] : [{ system: str(identifier?.system), value }];
    }),
    department: organisation(encounter?.serviceProvider),
    activity: isActivity(own?.activity) ? own.activity : undefined,
    sentAt: own?.recorded ?? own?.occurred ?? str(bundle.timestamp),
    precedingMessageHeaderId: own?.precedingMessageHeaderId,
    precedingRole: own?.precedingRole,
    reportOfAdmission: extensionValue(header, medcomExtension.reportOfAdmission, 'valueBoolean') === true,
    provenances,
  };
}
