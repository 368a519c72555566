import type { FastifyRequest } from 'fastify';
import type { StaffActor } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import type { Db } from '../database/database.ts';
import { requireStaff } from './require-staff.ts';

export type StaffContext = ServiceContext & { actor: StaffActor; requestId: string };

/** The service context of a request by a signed-in staff member (a 401 without one). */
export function staffContext(request: FastifyRequest, deps: { db: Db; clock: Clock }): StaffContext {
  return { db: deps.db, clock: deps.clock, actor: requireStaff(request), requestId: request.id };
}
