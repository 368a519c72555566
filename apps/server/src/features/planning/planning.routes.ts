import { apiError } from '@samkraft/contracts/common';
import { planRequest, planResult, savedScenario, savedScenarioList, saveScenarioBody, scenarioExportQuery, scenarioParams } from '@samkraft/contracts/planning';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { planFile } from './planning-export.ts';
import { getScenario, getScenarios, runPlan, saveScenario, scenarioForExport } from './planning.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError };

export function registerPlanningRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  const ctx = (request: Parameters<typeof staffContext>[0]) => staffContext(request, deps);

  app.post('/api/planning/solve', {
    schema: {
      tags: ['planning'],
      summary: 'Place interventions: the optimum (HiGHS, in a worker thread, with a time limit) beside the 2017 hosting and the models of note Figure 1 and Bilag G (steering group; aggregates only)',
      body: planRequest,
      response: { 200: planResult, ...errors },
    },
    handler: async (request) => runPlan(ctx(request), request.body),
  });

  app.get('/api/planning/scenarios', {
    schema: { tags: ['planning'], summary: 'Saved placement scenarios, newest first', response: { 200: savedScenarioList, ...errors } },
    handler: async (request) => getScenarios(ctx(request)),
  });

  app.post('/api/planning/scenarios', {
    schema: { tags: ['planning'], summary: 'Save a placement scenario (audited)', body: saveScenarioBody, response: { 201: savedScenario, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await saveScenario(ctx(request), request.body)),
  });

  app.get('/api/planning/scenarios/:id', {
    schema: { tags: ['planning'], summary: 'A saved placement scenario', params: scenarioParams, response: { 200: savedScenario, 404: apiError, ...errors } },
    handler: async (request) => getScenario(ctx(request), request.params.id),
  });

  app.get('/api/planning/scenarios/:id/export', {
    schema: {
      tags: ['planning'],
      summary: 'A saved scenario as the CPLEX LP model, its solution as JSON, or the comparison as XLSX or PDF (audited)',
      params: scenarioParams,
      querystring: scenarioExportQuery,
      produces: ['text/plain', 'application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'],
      response: { 200: z.any().describe('the file'), 404: apiError, ...errors },
    },
    handler: async (request, reply) => {
      const file = await planFile(await scenarioForExport(ctx(request), request.params.id, request.query.format), request.query.format);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'no-store').send(file.bytes);
    },
  });
}
