import { narrative } from './fhir-narrative.ts';
import { searchParams } from './fhir-search.rules.ts';
import { fhirResourceTypes } from './fhir-types.ts';

const VERSION = '0.1.0';

const typeDa: Record<(typeof fhirResourceTypes)[number], string> = {
  Patient: 'borgere (CPR eller erstatnings-CPR)',
  Organization: 'organisationer og kommuner',
  ServiceRequest: 'henvisninger og tværkommunale henvisninger',
  Task: 'leverandørkommunens opgave',
  CarePlan: 'handleplaner',
  Goal: 'handleplanens mål',
  QuestionnaireResponse: 'behovsvurderinger og spørgeskemaet ved den afsluttende samtale',
  Communication: 'statusnotater og afslutningsnotatet',
  Appointment: 'holdsessioner',
  Encounter: 'fremmøder',
  AuditEvent: 'logning af opslag i borgerens data',
};

/**
 * What the API serves: exactly the resource types, interactions (read and search) and search
 * parameters it implements — the routes and `searchParams` are the same lists.
 */
export function capabilityStatement(o: { baseUrl: string; date: string }) {
  return {
    resourceType: 'CapabilityStatement',
    id: 'samkraft',
    text: narrative('Samkraft FHIR R4 API', [
      ['Adgang', 'Kun læsning (read og search) for medarbejdere, der er logget ind; samme adgangsregler og logning som Samkrafts øvrige API'],
      ...fhirResourceTypes.map((t): [string, string] => [t, `${typeDa[t]}; søgning: ${searchParams[t].map((p) => p.name).join(', ')}`]),
    ]),
    url: `${o.baseUrl}/metadata`,
    version: VERSION,
    name: 'SamkraftFhirApi',
    title: 'Samkraft FHIR R4 API',
    status: 'active',
    experimental: false,
    date: o.date,
    publisher: 'Samkraft',
    description:
      'Read and search of the cancer rehabilitation records Samkraft keeps, as FHIR R4 resources. Every request runs as the signed-in staff member, with the access rules and audit of the JSON API: a providing municipality sees only what a referral shared with it.',
    kind: 'instance',
    software: { name: 'Samkraft', version: VERSION },
    implementation: { description: 'Samkraft FHIR R4 API', url: o.baseUrl },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Read by id and search by the citizen (patient, patient.identifier); unknown search parameters are refused (400, OperationOutcome naming them).',
        security: {
          cors: false,
          description: "A signed-in staff session (the web app's sign-in cookie). Access is decided per citizen as in the JSON API, and every read of a citizen's data is audited.",
        },
        resource: fhirResourceTypes.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: searchParams[type].map((p) => ({ name: p.name, type: p.type, documentation: p.documentation })),
        })),
      },
    ],
  };
}
