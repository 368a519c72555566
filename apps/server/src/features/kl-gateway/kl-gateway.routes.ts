import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import {
  klAssessmentItemMapping,
  klAssessmentItemParams,
  klExportBody,
  klExportList,
  klExportListQuery,
  klFsiiiPairBody,
  klInterventionMapping,
  klInterventionParams,
  klMapping,
  klMunicipalityBody,
  klMunicipalityParams,
  klMunicipalitySetting,
} from '@samkraft/contracts/kl-gateway';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import type { App } from '../../platform/http/types.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import { getKlMapping, setKlConditionCodes, setKlInterventionCodes, setKlMunicipality } from './kl-gateway-mapping.service.ts';
import { createKlExport, listKlExports } from './kl-export.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError };

export function registerKlGatewayRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/kl-gateway/mapping', {
    schema: {
      tags: ['kl-gateway'],
      summary: "The FSIII codes of the catalogue's interventions and the needs assessment's items per legal basis (§140, §119), and the municipalities' SOR codes for the reports (the members', and any other's that is set)",
      response: { 200: klMapping, 401: apiError },
    },
    handler: async (request) => getKlMapping(staffContext(request, deps)),
  });

  app.put('/api/kl-gateway/interventions/:code', {
    schema: {
      tags: ['kl-gateway'],
      summary: "Set a catalogue intervention's level-2 FSIII intervention for §140 and §119 (null: not reported under that basis) (administrators)",
      params: klInterventionParams,
      body: klFsiiiPairBody,
      response: { 200: klInterventionMapping, 404: apiError, ...errors },
    },
    handler: async (request) => setKlInterventionCodes(staffContext(request, deps), request.params.code, request.body),
  });

  app.put('/api/kl-gateway/assessment-items/:code', {
    schema: {
      tags: ['kl-gateway'],
      summary: "Set a needs-assessment item's FSIII condition for §140 and §119 (null: not reported under that basis) (administrators)",
      params: klAssessmentItemParams,
      body: klFsiiiPairBody,
      response: { 200: klAssessmentItemMapping, 404: apiError, ...errors },
    },
    handler: async (request) => setKlConditionCodes(staffContext(request, deps), request.params.code, request.body),
  });

  app.put('/api/kl-gateway/municipalities/:code', {
    schema: {
      tags: ['kl-gateway'],
      summary: "Set a municipality's SOR codes for the reports: the custodian (the citizen's managingOrganization) and the delivering unit (administrators, the municipality's leads)",
      params: klMunicipalityParams,
      body: klMunicipalityBody,
      response: { 200: klMunicipalitySetting, 404: apiError, ...errors },
    },
    handler: async (request) => setKlMunicipality(staffContext(request, deps), request.params.code, request.body),
  });

  app.post('/api/kl-gateway/exports', {
    schema: {
      tags: ['kl-gateway'],
      summary:
        "Export a period's KL Gateway delivery reports for a municipality and legal basis: a ZIP with one delivery-report Bundle per citizen with something new since the last delivery (incremental) or everything (full), and oversigt.json naming who was left out and why. The municipality's administrators and leads; audited per citizen",
      body: klExportBody,
      produces: ['application/zip'],
      response: { 200: z.any().describe('ZIP archive: <bundle id>.json per citizen, oversigt.json'), ...errors },
    },
    handler: async (request, reply) => {
      const file = await createKlExport(staffContext(request, deps), request.body);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-kl-export-id', file.summary.id)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
    },
  });

  app.get('/api/kl-gateway/exports', {
    schema: {
      tags: ['kl-gateway'],
      summary: "A municipality's KL Gateway exports, newest first: period, basis, who, how many reported, unchanged and left out (with why) (the municipality's administrators and leads)",
      querystring: klExportListQuery,
      response: { 200: klExportList, ...errors },
    },
    handler: async (request) => listKlExports(staffContext(request, deps), request.query.municipality),
  });
}
