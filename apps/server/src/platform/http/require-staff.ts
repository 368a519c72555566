import type { FastifyRequest } from 'fastify';
import type { SessionInfo } from '@samkraft/contracts/auth';
import type { StaffActor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';

/** The session a request comes with, as the auth plugin (`features/auth/auth.plugin.ts`) resolves it. */
export type RequestSession = { actor: StaffActor; info: SessionInfo; tokenHash: string; csrfSecret: string };

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestSession | null;
  }
}

/** The signed-in staff member, or a 401. Routes call this; services decide the rest. */
export function requireStaff(request: FastifyRequest): StaffActor {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in first');
  return request.auth.actor;
}
