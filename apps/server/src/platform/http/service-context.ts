import type { FastifyRequest } from 'fastify';
import type { CitizenActor, StaffActor } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import type { Db } from '../database/database.ts';
import { requireCitizen } from './require-citizen.ts';
import { requireStaff } from './require-staff.ts';

export type StaffContext = ServiceContext & { actor: StaffActor; requestId: string };

/** The service context of a request by a signed-in staff member (a 401 without one). */
export function staffContext(request: FastifyRequest, deps: { db: Db; clock: Clock }): StaffContext {
  return { db: deps.db, clock: deps.clock, actor: requireStaff(request), requestId: request.id };
}

export type CitizenContext = ServiceContext & { actor: CitizenActor; requestId: string };

/** The service context of a request by a signed-in citizen (a 401 without one): their own data only. */
export function citizenContext(request: FastifyRequest, deps: { db: Db; clock: Clock }): CitizenContext {
  return { db: deps.db, clock: deps.clock, actor: requireCitizen(request), requestId: request.id };
}
