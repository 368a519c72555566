import type { Adapter, AdapterPayload } from 'oidc-provider';

type Entry = { payload: AdapterPayload; expiresAt: number };

/**
 * The demo identity provider's store: codes, sessions and grants in this process's memory, each
 * until it expires. A demo runs one instance; a real broker keeps its own state.
 */
export function demoProviderStore(now: () => number = Date.now): new (name: string) => Adapter {
  const entries = new Map<string, Entry>();
  const grants = new Map<string, Set<string>>();
  const live = (key: string): Entry | undefined => {
    const e = entries.get(key);
    if (e && e.expiresAt <= now()) entries.delete(key);
    return e && e.expiresAt > now() ? e : undefined;
  };
  return class DemoStore implements Adapter {
    constructor(private readonly name: string) {}
    private key(id: string): string {
      return `${this.name}:${id}`;
    }
    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      entries.set(this.key(id), { payload, expiresAt: now() + expiresIn * 1000 });
      if (payload.grantId) {
        const keys = grants.get(payload.grantId) ?? new Set<string>();
        keys.add(this.key(id));
        grants.set(payload.grantId, keys);
      }
    }
    async find(id: string): Promise<AdapterPayload | undefined> {
      return live(this.key(id))?.payload;
    }
    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return [...entries.keys()].map((k) => live(k)).find((e) => e?.payload.userCode === userCode)?.payload;
    }
    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return [...entries.keys()].filter((k) => k.startsWith(`${this.name}:`)).map((k) => live(k)).find((e) => e?.payload.uid === uid)?.payload;
    }
    async consume(id: string): Promise<void> {
      const e = live(this.key(id));
      if (e) e.payload.consumed = Math.floor(now() / 1000);
    }
    async destroy(id: string): Promise<void> {
      entries.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string): Promise<void> {
      for (const k of grants.get(grantId) ?? []) entries.delete(k);
      grants.delete(grantId);
    }
  };
}
