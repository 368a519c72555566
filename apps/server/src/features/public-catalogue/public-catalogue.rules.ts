import type { FieldIssue } from '../../platform/errors.ts';

/*
 * The public catalogue (issue 13.9), pure: what a visitor asked for, which offerings answer it,
 * and the plain words shown for them. Nothing here is personal data: offerings, places, routing.
 */

export type Lang = 'da' | 'en';

export type DosePart = { part: string; sessions: number; upTo: boolean; perWeek: number | null; minutes: number };

export type PublicOffering = {
  offeringId: string;
  interventionCode: string;
  nameDa: string;
  nameEn: string;
  descriptionDa: string | null;
  purposeDa: string | null;
  targetTextDa: string | null;
  targetMinAge: number | null;
  targetMaxAge: number | null;
  /** ICD-10 prefixes the intervention is for; null = every cancer diagnosis. */
  targetDiagnoses: string[] | null;
  dose: DosePart[];
  hostCode: string;
  hostName: string;
  placeName: string;
  address: string | null;
  /** The host's rehabilitation unit phone (a unit's number, never a person's). */
  hostPhone: string | null;
  capacity: number;
  enrolled: number;
  /** An active team of the offering takes citizens in continuously. */
  rolling: boolean;
  nextSessionAt: Date | null;
  /** The home municipalities that refer citizens to this offering today. */
  referredFrom: { code: string; name: string; phone: string | null }[];
};

export type CatalogueQuery = { kommune: string | null; diagnose: string | null; lang: Lang };

/** The query string as asked; a value of the wrong shape is named, an empty one means "all". */
export function parseCatalogueQuery(q: Record<string, unknown>): { query: CatalogueQuery; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const one = (name: string): string | null => {
    const v = q[name];
    const s: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
    return typeof s === 'string' && s.trim() !== '' ? s.trim() : null;
  };
  let kommune = one('kommune');
  if (kommune !== null && !/^\d{3,4}$/.test(kommune)) {
    issues.push({ field: 'kommune', code: 'invalid_format', message: 'kommune must be a municipality code of 3–4 digits' });
    kommune = null;
  }
  if (kommune !== null) kommune = kommune.padStart(4, '0');
  let diagnose = one('diagnose');
  if (diagnose !== null && !/^D[A-Z]\d{0,4}[A-Z0-9]*$/i.test(diagnose)) {
    issues.push({ field: 'diagnose', code: 'invalid_format', message: 'diagnose must be an ICD-10 code such as DC50' });
    diagnose = null;
  }
  if (diagnose !== null) diagnose = diagnose.toUpperCase();
  return { query: { kommune, diagnose, lang: one('lang') === 'en' ? 'en' : 'da' }, issues };
}

/** For everyone with cancer when the intervention names no diagnosis; else a shared prefix. */
export function servesDiagnosis(o: Pick<PublicOffering, 'targetDiagnoses'>, code: string): boolean {
  if (!o.targetDiagnoses || o.targetDiagnoses.length === 0) return true;
  return o.targetDiagnoses.some((p) => code.startsWith(p) || p.startsWith(code));
}

/** Hosted in the municipality, or one a citizen of it is referred to. */
export function servesMunicipality(o: Pick<PublicOffering, 'hostCode' | 'referredFrom'>, code: string): boolean {
  return o.hostCode === code || o.referredFrom.some((m) => m.code === code);
}

export function filterOfferings(all: readonly PublicOffering[], q: CatalogueQuery): PublicOffering[] {
  return all.filter((o) => (q.kommune === null || servesMunicipality(o, q.kommune)) && (q.diagnose === null || servesDiagnosis(o, q.diagnose)));
}

export function freeSeats(o: Pick<PublicOffering, 'capacity' | 'enrolled'>): number {
  return Math.max(0, o.capacity - o.enrolled);
}

/** "8 gange à 60 min, 2 gange om ugen (ca. 4 uger)" per part. */
export function doseText(d: DosePart, lang: Lang): string {
  const da = lang === 'da';
  const times = `${d.upTo ? (da ? 'op til ' : 'up to ') : ''}${d.sessions} ${da ? (d.sessions === 1 ? 'gang' : 'gange') : d.sessions === 1 ? 'session' : 'sessions'} ${da ? 'à' : 'of'} ${d.minutes} min`;
  if (!d.perWeek) return times;
  const weeks = Math.ceil(d.sessions / d.perWeek);
  const perWeek = String(d.perWeek).replace('.', da ? ',' : '.');
  return da ? `${times}, ${perWeek} gang${d.perWeek === 1 ? '' : 'e'} om ugen (ca. ${weeks} uger)` : `${times}, ${perWeek} a week (about ${weeks} weeks)`;
}

/** The target group in plain words: the catalogue's own sentence, else the age span. */
export function targetGroupText(o: Pick<PublicOffering, 'targetTextDa' | 'targetMinAge' | 'targetMaxAge'>, lang: Lang): string {
  if (o.targetTextDa) return o.targetTextDa;
  const da = lang === 'da';
  const all = da ? 'Borgere med kræft' : 'Citizens with cancer';
  if (o.targetMinAge !== null && o.targetMaxAge !== null) return da ? `${all} fra ${o.targetMinAge} til ${o.targetMaxAge} år` : `${all} aged ${o.targetMinAge} to ${o.targetMaxAge}`;
  if (o.targetMinAge !== null) return da ? `${all} fra ${o.targetMinAge} år` : `${all} aged ${o.targetMinAge} or over`;
  if (o.targetMaxAge !== null) return da ? `${all} til og med ${o.targetMaxAge} år` : `${all} aged up to ${o.targetMaxAge}`;
  return all;
}

/** An OpenStreetMap search for the address — a link, no embedded map and no third-party script. */
export function mapUrl(placeName: string, address: string | null): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address ?? placeName)}`;
}
