import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type SessionPolicy = { idleMinutes: number; maxHours: number };

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash of the cookie token is stored: a leaked table cannot be replayed as cookies. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sessionTimes(now: Date, policy: SessionPolicy): { idleExpiresAt: Date; absoluteExpiresAt: Date } {
  return {
    idleExpiresAt: new Date(now.getTime() + policy.idleMinutes * 60_000),
    absoluteExpiresAt: new Date(now.getTime() + policy.maxHours * 3_600_000),
  };
}

export function isExpired(s: { idleExpiresAt: Date; absoluteExpiresAt: Date }, now: Date): boolean {
  return now >= s.idleExpiresAt || now >= s.absoluteExpiresAt;
}

/** Extending the idle deadline on every request would write on every read; once a minute is enough. */
export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= 60_000;
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
