import type { KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';

/** The IGs' canonical bases: kl.dk.fhir.rehab 2.2.0 (§140) and kl.dk.fhir.prevention 2.1.0 (§119). */
const canonical: Record<KlLegalBasis, string> = { SUL140: 'http://fhir.kl.dk/rehab', SUL119: 'http://fhir.kl.dk/prevention' };
const prefix: Record<KlLegalBasis, string> = { SUL140: 'klgateway-140', SUL119: 'klgateway-119' };

export const klProfileKinds = ['delivery-report', 'citizen', 'organization', 'servicerequest', 'focus-condition', 'condition', 'care-plan', 'planned-intervention', 'encounter'] as const;
export type KlProfileKind = (typeof klProfileKinds)[number];

export const klProfile = (basis: KlLegalBasis, kind: KlProfileKind): string => `${canonical[basis]}/StructureDefinition/${prefix[basis]}-${kind}`;

/** The IGs' extensions (SUSHI's default URL: canonical + /StructureDefinition/ + the extension's name). */
export type KlExtensionName = 'PreconditionDate' | 'DeliveryType' | 'BasedOnServiceRequestExtension' | 'BasedOnCarePlanExtension';
export const klExtension = (basis: KlLegalBasis, name: KlExtensionName): string => `${canonical[basis]}/StructureDefinition/${name}`;

/** §140 ServiceRequest.extension[statusReason]: the core request-statusReason extension. */
export const requestStatusReasonUrl = 'http://hl7.org/fhir/StructureDefinition/request-statusReason';

/**
 * The base of the entries' fullUrls. The IGs' own delivery reports (BrunoIndberetningsrapport,
 * RuddiIndberetningsrapport) use the KL Gateway test environment's FHIR base on eHealth
 * (sundhed.dk's care-gateway); a live delivery uses the production base KOMBIT/KL give with the
 * connection agreement. References inside a report are relative (`Patient/<id>`) and resolve
 * against this base.
 */
export const klFullUrlBase = 'https://care-gateway.test001.ehealth.sundhed.dk/fhir';
