import { apiError } from '@samkraft/contracts/common';
import { dashboard, dashboardQuery, settlementBalance } from '@samkraft/contracts/dashboard';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/database/database.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { getSettlementBalance } from './dashboard-balance.service.ts';
import { getDashboard } from './dashboard.service.ts';

const errors = { 400: apiError, 401: apiError, 403: apiError };

/** `readDb`: where the reads go (a read replica, or the primary); audit events go to `db`. */
export function registerDashboardRoutes(app: App, deps: { db: Db; readDb: Db; clock: Clock }): void {
  const { readDb, ...ctxDeps } = deps;
  app.get('/api/dashboard', {
    schema: {
      tags: ['reports'],
      summary: "The dashboard's panels for a period and municipalities: referrals per half-year, flows, indicators over time, waiting time, teams (aggregates only)",
      querystring: dashboardQuery,
      response: { 200: dashboard, ...errors },
    },
    handler: async (request) => getDashboard(staffContext(request, ctxDeps), request.query, readDb),
  });

  app.get('/api/dashboard/balance', {
    schema: {
      tags: ['reports'],
      summary: 'The settlement balance per municipality (delivered, received, net): in units (sessions) until a settlement prices it',
      querystring: dashboardQuery,
      response: { 200: settlementBalance, ...errors },
    },
    handler: async (request) => getSettlementBalance(staffContext(request, ctxDeps), request.query, readDb),
  });
}
