import type { FastifyRequest } from 'fastify';
import type { CitizenSessionInfo } from '@samkraft/contracts/borger';
import type { CitizenActor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';

/**
 * The citizen session a request to `/api/borger/` comes with, as the citizen-auth plugin
 * (`features/citizen-auth/citizen-auth.plugin.ts`) resolves it from its own cookie. A staff
 * session never becomes one, and a citizen session is never read outside `/api/borger/`.
 */
export type RequestCitizenSession = { actor: CitizenActor; info: CitizenSessionInfo; tokenHash: string; csrfSecret: string };

declare module 'fastify' {
  interface FastifyRequest {
    citizenAuth: RequestCitizenSession | null;
  }
}

/** The signed-in citizen, or a 401. Citizen routes call this; services decide the rest. */
export function requireCitizen(request: FastifyRequest): CitizenActor {
  if (!request.citizenAuth) throw new AppError('unauthenticated', 'Sign in as a citizen first');
  return request.citizenAuth.actor;
}
