import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes) — OWASP's minimum recommendation.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so timing does not tell which usernames exist. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$CMsjUJl+grzuDe/cMWVMig$iezJ84JWhmuafdIM+0Ugq+CpPizHRxhEwRZEuyhAT5k';
