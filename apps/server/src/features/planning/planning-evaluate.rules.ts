import { isPlaced, mayHost, rotationIndices, type Allocation, type PlanInstance } from './planning-instance.rules.ts';

/**
 * Any allocation — the optimum, the 2017 hosting, a Bilag G model — measured on the same
 * criteria (note §8.7): travel, the longest trip, each municipality's hosting load and net
 * balance, transport costs under Bilag K, and the rules it breaks. Aggregates only.
 */

/**
 * Bilag K (§140): a citizen with a rehabilitation plan (GOP) is reimbursed when a pensioner, or
 * when the trip is over 50 km, and only above a minimum round-trip cost. The shares and the km
 * rate are assumptions the user sets; the thresholds default to the note's 25/60 kr.
 */
export type TransportParams = {
  gopShare: number;
  pensionerShare: number;
  kmRateDkk: number;
  pensionerMinDkk: number;
  nonPensionerMinDkk: number;
  distanceKm: number;
};

export const DEFAULT_TRANSPORT: TransportParams = { gopShare: 0.5, pensionerShare: 0.5, kmRateDkk: 2, pensionerMinDkk: 25, nonPensionerMinDkk: 60, distanceKm: 50 };

export type MunicipalityLoad = {
  code: string;
  hosted: string[];
  /** Citizens a year it serves (its own included; a rotation's share). */
  citizensServed: number;
  /** Session units delivered to other municipalities' citizens and received by its own elsewhere. */
  delivered: number;
  received: number;
  net: number;
};

export type Evaluation = {
  citizens: number;
  unservedCitizens: number;
  citizenKm: number;
  kmPerCitizen: number;
  longestTripKm: number;
  transportCostDkk: number;
  hostCount: number;
  municipalities: MunicipalityLoad[];
  violations: string[];
};

/** Expected reimbursed transport, kr, for one citizen's whole course at `km` one way. */
export function courseTransportDkk(km: number, sessions: number, p: TransportParams): number {
  const roundTrip = 2 * km * p.kmRateDkk;
  const pensioners = roundTrip > p.pensionerMinDkk ? p.pensionerShare * roundTrip : 0;
  const others = km > p.distanceKm && roundTrip > p.nonPensionerMinDkk ? (1 - p.pensionerShare) * roundTrip : 0;
  return p.gopShare * sessions * (pensioners + others);
}

export function evaluateAllocation(instance: PlanInstance, allocation: Allocation, transport: TransportParams = DEFAULT_TRANSPORT): Evaluation {
  const { municipalities: ms, interventions: ivs, demand, distanceKm } = instance;
  const km = (h: number, m: number) => distanceKm[h]?.[m] ?? 0;
  const d = (h: number, i: number) => demand[h]?.[i] ?? 0;
  const loads = ms.map((m) => ({ code: m.code, hosted: new Set<string>(), citizensServed: 0, delivered: 0, received: 0 }));
  const violations: string[] = [];
  let citizens = 0;
  let unserved = 0;
  let citizenKm = 0;
  let longest = 0;
  let cost = 0;
  let hostCount = 0;

  ivs.forEach((iv, i) => {
    if (iv.kind === 'rotating') {
      const rotation = rotationIndices(instance, i);
      rotation.forEach((m) => loads[m]?.hosted.add(iv.code));
      ms.forEach((_, h) => {
        const dh = d(h, i);
        if (dh <= 0) return;
        citizens += dh;
        for (const m of rotation) {
          const share = dh / rotation.length;
          citizenKm += share * km(h, m);
          cost += share * courseTransportDkk(km(h, m), iv.sessions, transport);
          longest = Math.max(longest, km(h, m));
          const load = loads[m];
          if (load) load.citizensServed += share;
        }
      });
      return;
    }
    const hosts = new Set(allocation.hosts[i] ?? []);
    const served = new Map<number, number>();
    ms.forEach((_, h) => {
      const dh = d(h, i);
      if (dh <= 0) return;
      const m = iv.kind === 'home' ? h : (allocation.hostOf[i]?.[h] ?? null);
      if (m === null) {
        unserved += dh;
        return;
      }
      hosts.add(m);
      citizens += dh;
      citizenKm += dh * km(h, m);
      cost += dh * courseTransportDkk(km(h, m), iv.sessions, transport);
      longest = Math.max(longest, km(h, m));
      served.set(m, (served.get(m) ?? 0) + dh);
      const load = loads[m];
      if (load) load.citizensServed += dh;
      if (m !== h && isPlaced(iv.kind)) {
        const units = dh * iv.sessions;
        const host = loads[m];
        const home = loads[h];
        if (host) host.delivered += units;
        if (home) home.received += units;
      }
    });
    for (const m of hosts) loads[m]?.hosted.add(iv.code);
    if (!isPlaced(iv.kind)) return;
    hostCount += hosts.size;
    if (hosts.size > iv.maxHosts) violations.push(`${iv.code}: ${hosts.size} hosts, at most ${iv.maxHosts}`);
    for (const m of hosts) {
      if (!mayHost(instance, i, m)) violations.push(`${iv.code}: ${ms[m]?.name ?? m} may not host it`);
      const load = served.get(m) ?? 0;
      if (load > iv.capacity + 1e-6) violations.push(`${iv.code}: ${ms[m]?.name ?? m} serves ${round1(load)} citizens, capacity ${round1(iv.capacity)}`);
    }
  });

  if (instance.everyHostsTargetGroup && ivs.some((iv) => iv.kind === 'target_group')) {
    ms.forEach((m, k) => {
      if (!ivs.some((iv) => iv.kind === 'target_group' && loads[k]?.hosted.has(iv.code))) violations.push(`${m.name} hosts no target-group intervention`);
    });
  }
  for (const c of instance.couplings) {
    ms.forEach((m, k) => {
      const hosted = loads[k]?.hosted;
      if (hosted?.has(c.ifHosts) && !hosted.has(c.thenHosts)) violations.push(`${m.name} hosts ${c.ifHosts} but not ${c.thenHosts}`);
    });
  }
  const municipalities = loads.map((l) => ({ code: l.code, hosted: [...l.hosted].sort(), citizensServed: l.citizensServed, delivered: l.delivered, received: l.received, net: l.delivered - l.received }));
  if (instance.costNeutralityTolerance !== null) {
    const tol = instance.costNeutralityTolerance;
    municipalities.forEach((l, k) => {
      const own = ivs.reduce((s, iv, i) => s + (isPlaced(iv.kind) ? iv.sessions * d(k, i) : 0), 0);
      if (Math.abs(l.net) > tol * own + 1e-6) violations.push(`${ms[k]?.name ?? l.code}: net balance ${round1(l.net)} session units, band ±${round1(tol * own)}`);
    });
  }
  return {
    citizens,
    unservedCitizens: unserved,
    citizenKm,
    kmPerCitizen: citizens > 0 ? citizenKm / citizens : 0,
    longestTripKm: longest,
    transportCostDkk: cost,
    hostCount,
    municipalities,
    violations,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
