import { MEMBER_CODE as M } from '../reference-data/members.data.ts';

/**
 * Who hosts what from 1 October 2017 (report Bilag 1), and which home municipalities send to
 * which host (routing). Places and addresses are demo values in the host towns, not real sites.
 */

export const HOSTING_FROM = '2017-10-01';

export type DemoOffering = {
  interventionCode: string;
  host: string;
  placeName: string;
  address: string;
  capacity: number;
};

const TOWN: Record<string, { place: string; address: string }> = {
  [M.ballerup]: { place: 'Sundhedscenter Ballerup', address: 'Ballerup Byvej 120, 2750 Ballerup' },
  [M.egedal]: { place: 'Træningscenter Egedal', address: 'Ølstykke Stationsvej 20, 3650 Ølstykke' },
  [M.furesoe]: { place: 'Sundhedshuset Furesø', address: 'Stiager 10, 3500 Værløse' },
  [M.gentofte]: { place: 'Sundhedscenter Gentofte', address: 'Jægersborg Allé 30, 2920 Charlottenlund' },
  [M.gladsaxe]: { place: 'Sundhedscenter Gladsaxe', address: 'Søborg Hovedgade 110, 2860 Søborg' },
  [M.herlev]: { place: 'Træningscenter Herlev', address: 'Herlev Bygade 70, 2730 Herlev' },
  [M.lyngbyTaarbaek]: { place: 'Sundhedscenter Lyngby', address: 'Lyngby Hovedgade 50, 2800 Kongens Lyngby' },
  [M.rudersdal]: { place: 'Træningscenter Rudersdal', address: 'Holte Stationsvej 15, 2840 Holte' },
  [M.roedovre]: { place: 'Sundhedscenter Rødovre', address: 'Rødovre Parkvej 120, 2610 Rødovre' },
};

const HOME_OFFERINGS = ['mixed_training', 'hhk_home'] as const;

/** Offerings hosted for other municipalities too (report Bilag 1). */
const HOSTED: [interventionCode: string, host: string, capacity: number][] = [
  ['men_training', M.egedal, 12],
  ['prostate_pelvic_floor', M.egedal, 10],
  ['lung', M.furesoe, 8],
  ['livskraft', M.ballerup, 16],
  ['gi_education', M.ballerup, 12],
  ['puls_styrke', M.ballerup, 14],
  ['brain', M.ballerup, 6],
  ['hhk_cross', M.herlev, 8],
  ['men_training', M.gladsaxe, 12],
  ['hhk_cross', M.gladsaxe, 8],
  ['breast_training', M.rudersdal, 12],
  ['breast_training', M.gentofte, 12],
  ['breast_training', M.roedovre, 12],
  ['men_training', M.gentofte, 12],
  ['puls_styrke', M.lyngbyTaarbaek, 14],
];

export const NINE: readonly string[] = Object.values(M);

/** A member municipality's demo place (its health or training centre) and address. */
export function demoPlaceOf(code: string): { place: string; address: string } {
  const t = TOWN[code];
  if (!t) throw new Error(`no demo place for municipality ${code}`);
  return t;
}

export function demoOfferings(): DemoOffering[] {
  const place = demoPlaceOf;
  const home = NINE.flatMap((host) =>
    HOME_OFFERINGS.map((code) => ({ interventionCode: code, host, placeName: place(host).place, address: place(host).address, capacity: code === 'mixed_training' ? 15 : 6 })),
  );
  const hosted = HOSTED.map(([code, host, capacity]) => ({ interventionCode: code, host, placeName: place(host).place, address: place(host).address, capacity }));
  return [...home, ...hosted];
}

/**
 * Catchments the report's Bilag 1 map legend states (host ← home municipalities). Home offerings
 * (mixed diagnoses, HHK at home) serve their own municipality, which Bilag 1 also states.
 */
export const LEGEND_CATCHMENTS: { interventionCode: string; host: string; homes: string[] }[] = [
  { interventionCode: 'puls_styrke', host: M.lyngbyTaarbaek, homes: [M.lyngbyTaarbaek, M.gentofte, M.rudersdal, M.roedovre, M.gladsaxe] },
  { interventionCode: 'breast_training', host: M.gentofte, homes: [M.gentofte, M.lyngbyTaarbaek, M.gladsaxe] },
  { interventionCode: 'men_training', host: M.gentofte, homes: [M.gentofte, M.herlev, M.rudersdal] },
  { interventionCode: 'breast_training', host: M.roedovre, homes: [M.roedovre, M.ballerup, M.herlev] },
];

export type DemoRoute = { interventionCode: string; home: string; host: string; inferred: boolean; note: string };

/**
 * One route for every (hosted intervention, member municipality). Where the legend is silent the
 * nearest host by town-hall great-circle distance wins (refdata/municipalities/distance_matrix_9.json),
 * marked inferred: the criterion "least distance for most citizens" of note §8.7.
 */
export function planRouting(offerings: readonly DemoOffering[], distanceKm: (a: string, b: string) => number): DemoRoute[] {
  const routes: DemoRoute[] = [];
  const codes = [...new Set(offerings.map((o) => o.interventionCode))];
  for (const code of codes) {
    const hosts = offerings.filter((o) => o.interventionCode === code).map((o) => o.host);
    for (const home of NINE) {
      if (HOME_OFFERINGS.some((h) => h === code)) {
        routes.push({ interventionCode: code, home, host: home, inferred: false, note: 'Home offering in every municipality (report Bilag 1)' });
        continue;
      }
      const stated = LEGEND_CATCHMENTS.find((c) => c.interventionCode === code && c.homes.includes(home));
      if (stated) {
        routes.push({ interventionCode: code, home, host: stated.host, inferred: false, note: 'Catchment stated in the legend of report Bilag 1' });
        continue;
      }
      const nearest = [...hosts].sort((a, b) => distanceKm(home, a) - distanceKm(home, b))[0];
      if (nearest === undefined) continue;
      const km = distanceKm(home, nearest).toFixed(1);
      const why = hosts.length === 1 ? 'the only host in report Bilag 1' : `nearest of ${hosts.length} hosts`;
      routes.push({ interventionCode: code, home, host: nearest, inferred: true, note: `Legend silent: ${why}, ${km} km town hall to town hall (distance_matrix_9.json)` });
    }
  }
  return routes;
}
