import type { Actor } from './auth/actor.ts';
import type { Clock } from './clock.ts';
import type { Db } from './database/database.ts';

/** What every service call gets, explicitly: the database, who is asking, and the time. */
export type ServiceContext = {
  db: Db;
  actor: Actor;
  clock: Clock;
  requestId?: string;
};
