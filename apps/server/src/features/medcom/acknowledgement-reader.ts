import { AppError } from '../../platform/errors.ts';
import { bundleIndex, entriesOf, extensionValue, isBundle, list, obj, objects, resolveIn, str } from '../../platform/fhir/fhir-json.ts';
import type { MedcomOrganisation } from './medcom-organisation.ts';
import { readOrganisation } from './medcom-organisation.ts';
import type { ResponseCode } from './medcom-terminology.ts';
import { medcomExtension, medcomSystem, responseCodes } from './medcom-terminology.ts';

/* A received Acknowledgement as a plain model: which message it answers, how, and what was wrong. */

export type AcknowledgementIssue = {
  severity: string | undefined;
  /** OperationOutcome.issue.code (issue type). */
  type: string | undefined;
  /** The MedCom or HL7 error code (issue.details.coding). */
  code: string | undefined;
  system: string | undefined;
  /** A code from the retired MedCom issue-details system (2023 test messages): accepted, never written. */
  retired: boolean;
  text: string | undefined;
  expression: string[];
};

export type AcknowledgementModel = {
  bundleId: string | undefined;
  timestamp: string | undefined;
  messageHeaderId: string | undefined;
  /** MessageHeader.response.identifier: the MessageHeader.id of the message acknowledged. */
  acknowledgedMessageHeaderId: string | undefined;
  code: ResponseCode | undefined;
  sender: MedcomOrganisation | undefined;
  receiver: MedcomOrganisation | undefined;
  issues: AcknowledgementIssue[];
};

export function readAcknowledgement(message: unknown): AcknowledgementModel {
  if (!isBundle(message)) throw AppError.validation([{ field: 'Bundle', code: 'invalid', message: 'the message is not a FHIR Bundle' }]);
  const index = bundleIndex(message);
  const resources = entriesOf(message).map((e) => e.resource);
  const header = resources.find((r) => r.resourceType === 'MessageHeader');
  if (!header) throw AppError.validation([{ field: 'Bundle.entry', code: 'invalid', message: 'the message has no MessageHeader' }]);
  const response = obj(header.response);
  const code = (responseCodes as readonly unknown[]).includes(response?.code) ? (response?.code as ResponseCode) : undefined;
  const destinations = objects(header.destination);
  const primary = destinations.find((d) => obj(extensionValue(d, medcomExtension.destinationUse, 'valueCoding'))?.code === 'primary') ?? destinations[0];
  const outcome = resolveIn(index, response?.details) ?? resources.find((r) => r.resourceType === 'OperationOutcome');
  return {
    bundleId: str(message.id),
    timestamp: str(message.timestamp),
    messageHeaderId: header.id,
    acknowledgedMessageHeaderId: str(response?.identifier),
    code,
    sender: readOrganisation(resolveIn(index, header.sender)),
    receiver: readOrganisation(resolveIn(index, primary?.receiver)),
    issues: objects(outcome?.issue).map((issue): AcknowledgementIssue => {
      const details = obj(issue.details);
      const coding = objects(details?.coding)[0];
      const system = str(coding?.system);
      return {
        severity: str(issue.severity),
        type: str(issue.code),
        code: str(coding?.code),
        system,
        retired: system === medcomSystem.retiredIssueDetails,
        text: str(details?.text) ?? str(coding?.display) ?? str(issue.diagnostics),
        expression: list(issue.expression).filter((e): e is string => typeof e === 'string'),
      };
    }),
  };
}
