import { z } from 'zod';
import { apiError } from '@samkraft/contracts/common';
import { settlementFileQuery, settlementList, settlementLockBody, settlementStatement, settlementStatementQuery, tariff, tariffBody, tariffEndBody, tariffList, tariffParams } from '@samkraft/contracts/settlement';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { exportStatement } from './settlement-file.service.ts';
import { getStatement, listSettledPeriods, lockSettlement } from './settlement.service.ts';
import { addTariff, endTariffOn, getTariffs } from './tariff.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError };
const tags = ['settlement'];

export function registerSettlementRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  app.get('/api/settlement/statement', {
    schema: {
      tags,
      summary:
        "A period's statement of units delivered to other municipalities' citizens and their value: cost-neutral (per municipality: delivered, received, net, deviation from neutral) or net (also per pair: who pays whom). A settled period shows what was settled. Aggregates only; the coordinator all municipalities, a lead their own; audited",
      querystring: settlementStatementQuery,
      response: { 200: settlementStatement, ...errors },
    },
    handler: async (request) => {
      const { mode, ...period } = request.query;
      return getStatement(staffContext(request, deps), period, mode);
    },
  });

  app.get('/api/settlement/statement/file', {
    schema: {
      tags,
      summary: 'The statement as PDF or XLSX (as the statement route; audited as an export)',
      querystring: settlementFileQuery,
      produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      response: { 200: z.any().describe('PDF or XLSX file'), ...errors },
    },
    handler: async (request, reply) => {
      const { mode, format, ...period } = request.query;
      const file = await exportStatement(staffContext(request, deps), period, mode, format);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'no-store').send(file.bytes);
    },
  });

  app.get('/api/settlement/settlements', {
    schema: { tags, summary: 'The periods settled net and locked, oldest first, with the total paid between the municipalities (coordinator; a lead their own pairs)', response: { 200: settlementList, ...errors } },
    handler: async (request) => listSettledPeriods(staffContext(request, deps)),
  });

  app.post('/api/settlement/settlements', {
    schema: {
      tags,
      summary:
        'Settle a period net between the municipalities and lock it: its statement (with corrections of earlier settled periods) is stored and never changes; later changes to the records come as correction lines of the next settlement. The coordinator; the period must have ended and start after the last settled one',
      body: settlementLockBody,
      response: { 200: settlementStatement, ...errors },
    },
    handler: async (request) => lockSettlement(staffContext(request, deps), request.body),
  });

  app.get('/api/settlement/tariffs', {
    schema: { tags, summary: 'The tariffs, effective-dated per providing municipality (or all), intervention and unit, with their source (coordinator and leads)', response: { 200: tariffList, ...errors } },
    handler: async (request) => getTariffs(staffContext(request, deps)),
  });

  app.post('/api/settlement/tariffs', {
    schema: { tags, summary: 'Add a tariff from a day (the coordinator); refused when another of the same key applies on one of its days or it starts on a settled day; audited', body: tariffBody, response: { 200: tariff, ...errors } },
    handler: async (request) => addTariff(staffContext(request, deps), request.body),
  });

  app.post('/api/settlement/tariffs/:id/end', {
    schema: { tags, summary: 'End a tariff on a day (the coordinator); not on a settled day; audited with the old and new end', params: tariffParams, body: tariffEndBody, response: { 200: tariff, 404: apiError, ...errors } },
    handler: async (request) => endTariffOn(staffContext(request, deps), request.params.id, request.body.validTo),
  });
}
