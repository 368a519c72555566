/**
 * The citizen's right to transport or reimbursement for a cross-municipal referral, by the note's
 * Bilag K "Regler om befordring til kræftrehabilitering". Pure: the caller loads the thresholds
 * (transport_rule), both municipalities' transport settings and the town-hall distance.
 */

export type TransportLegalBasis = 'SUL119' | 'SUL140' | 'SEL86-1' | 'SEL86-2';

/** One effective-dated row of `transport_rule`. */
export type TransportThreshold = { effectiveFrom: string; pensionerMinDkk: number; nonPensionerMinDkk: number; distanceKm: number; source: string };

/** One municipality's transport settings in force on the day asked about. */
export type MunicipalityTransportSetting = { effectiveFrom: string; flexturMember: boolean; serviceLevelDa: string | null; coPaymentDkk: number | null };

export type TransportInput = {
  legalBasis: TransportLegalBasis | null;
  pensioner: boolean;
  conditionExcludesPublicTransport: boolean;
  /** Town hall to town hall; null when the matrix does not know the pair. */
  distanceKm: number | null;
  /** The day the rules are read for (the referral's receipt): thresholds are by year. */
  onDate: string;
  /** Cost of the cheapest justifiable transport, when known. */
  cheapestCostDkk: number | null;
  thresholds: readonly TransportThreshold[];
  home: MunicipalityTransportSetting | null;
  provider: MunicipalityTransportSetting | null;
};

export type TransportRuleApplied = 'sul140_right' | 'sul140_no_right' | 'sul119_no_right' | 'sel86_no_general_right' | 'legal_basis_unknown';
export type EntitlementReason = 'pensioner' | 'distance_over_limit' | 'condition';
export type ReimbursementStatus = 'reimbursed' | 'below_threshold' | 'cost_unknown' | 'no_threshold' | 'not_applicable';

export type TransportThresholdUsed = {
  /** The year asked about. */
  year: number;
  /** The year of the row used; earlier than `year` when that year has no value of its own. */
  thresholdFrom: number;
  assumed: boolean;
  minDkk: number;
  pensionerMinDkk: number;
  nonPensionerMinDkk: number;
  source: string;
};

export type TransportResult = {
  rule: TransportRuleApplied;
  entitled: boolean;
  reasons: EntitlementReason[];
  reimbursement: ReimbursementStatus;
  threshold: TransportThresholdUsed | null;
  distance: { km: number | null; limitKm: number; basis: 'town_hall_to_town_hall' };
  /** SEL §86: the home municipality's own service level under SEL §117. */
  serviceLevel: { textDa: string | null; coPaymentDkk: number | null } | null;
  flextur: { available: boolean; homeMember: boolean; providerMember: boolean };
  /** Which rule applied, in Danish words for the UI, in order. */
  explanationDa: string[];
};

/** The 50 km criterion is fixed in the executive order, not indexed; used when no row exists. */
const DEFAULT_LIMIT_KM = 50;

const kr = (v: number): string => `${Number.isInteger(v) ? v : v.toFixed(2).replace('.', ',')} kr.`;
const km = (v: number): string => `${v.toFixed(1).replace('.', ',')} km`;

/** The row in force on `onDate`: the latest one that started on or before it. */
export function thresholdOn(thresholds: readonly TransportThreshold[], onDate: string): TransportThreshold | null {
  let found: TransportThreshold | null = null;
  for (const t of thresholds) {
    if (t.effectiveFrom <= onDate && (found === null || t.effectiveFrom > found.effectiveFrom)) found = t;
  }
  return found;
}

function flexturOf(input: TransportInput): TransportResult['flextur'] {
  const homeMember = input.home?.flexturMember ?? false;
  const providerMember = input.provider?.flexturMember ?? false;
  return { available: homeMember && providerMember, homeMember, providerMember };
}

function flexturText(f: TransportResult['flextur'], legalBasis: TransportLegalBasis | null, entitled: boolean): string {
  if (!f.available) return 'Flextur kan ikke bruges over kommunegrænsen: begge kommuner skal være med i Flextur-ordningen.';
  if (legalBasis === 'SUL140' && entitled) return 'Flextur kan bruges over kommunegrænsen (begge kommuner er med i ordningen); godtgørelse kan ydes efter reglerne ovenfor.';
  return 'Flextur kan bruges over kommunegrænsen (begge kommuner er med i ordningen); borgeren betaler selv taksten.';
}

function distanceText(d: TransportResult['distance']): string {
  const measured = d.km === null ? 'Afstanden mellem kommunerne er ukendt' : `Afstanden er ${km(d.km)}`;
  return `${measured} (rådhus til rådhus mellem kommunerne, ikke fra bopæl til træningssted).`;
}

export function decideTransport(input: TransportInput): TransportResult {
  const row = thresholdOn(input.thresholds, input.onDate);
  const limitKm = row?.distanceKm ?? DEFAULT_LIMIT_KM;
  const distance: TransportResult['distance'] = { km: input.distanceKm, limitKm, basis: 'town_hall_to_town_hall' };
  const flextur = flexturOf(input);
  const reasons: EntitlementReason[] = [];
  const reimbursement: ReimbursementStatus = 'not_applicable';
  const base = { distance, flextur, serviceLevel: null, threshold: null, reasons, reimbursement };

  switch (input.legalBasis) {
    case 'SUL140': {
      const reasons: EntitlementReason[] = [];
      if (input.pensioner) reasons.push('pensioner');
      if (input.distanceKm !== null && input.distanceKm > limitKm) reasons.push('distance_over_limit');
      if (input.conditionExcludesPublicTransport) reasons.push('condition');
      const entitled = reasons.length > 0;
      const text: string[] = [];
      if (!entitled) {
        text.push(`Sundhedsloven § 140 (genoptræningsplan): ingen ret til befordring — borgeren er ikke pensionist, afstanden overstiger ikke ${limitKm} km, og tilstanden udelukker ikke offentlig transport.`);
        text.push(distanceText(distance));
        text.push(flexturText(flextur, input.legalBasis, false));
        return { ...base, rule: 'sul140_no_right', entitled: false, explanationDa: text };
      }
      const why = reasons.map((r) => ({ pensioner: 'borgeren modtager pension', distance_over_limit: `afstanden overstiger ${limitKm} km`, condition: 'tilstanden udelukker offentlig transport' })[r]);
      text.push(`Sundhedsloven § 140 (genoptræningsplan): ret til befordring eller befordringsgodtgørelse, fordi ${why.join(' og ')}.`);
      text.push(distanceText(distance));
      if (!row) {
        text.push('Der er ingen beløbsgrænse registreret for perioden; godtgørelsen kan ikke afgøres.');
        text.push(flexturText(flextur, input.legalBasis, true));
        return { ...base, rule: 'sul140_right', entitled: true, reasons, reimbursement: 'no_threshold', explanationDa: text };
      }
      const year = Number(input.onDate.slice(0, 4));
      const thresholdFrom = Number(row.effectiveFrom.slice(0, 4));
      const minDkk = input.pensioner ? row.pensionerMinDkk : row.nonPensionerMinDkk;
      const threshold: TransportThresholdUsed = {
        year, thresholdFrom, assumed: thresholdFrom !== year, minDkk,
        pensionerMinDkk: row.pensionerMinDkk, nonPensionerMinDkk: row.nonPensionerMinDkk, source: row.source,
      };
      const who = input.pensioner ? 'pensionister' : 'ikke-pensionister';
      text.push(threshold.assumed
        ? `Der er ingen beløbsgrænse for ${year}; grænsen fra ${thresholdFrom} er brugt (${kr(minDkk)} for ${who}).`
        : `Beløbsgrænsen for ${year} er ${kr(minDkk)} for ${who}.`);
      let reimbursement: ReimbursementStatus;
      if (input.cheapestCostDkk === null) {
        reimbursement = 'cost_unknown';
        text.push(`Godtgørelse udbetales kun, hvis det billigste forsvarlige transportmiddel koster mere end ${kr(minDkk)}.`);
      } else if (input.cheapestCostDkk > minDkk) {
        reimbursement = 'reimbursed';
        text.push(`Det billigste forsvarlige transportmiddel koster ${kr(input.cheapestCostDkk)}, mere end grænsen: godtgørelse udbetales.`);
      } else {
        reimbursement = 'below_threshold';
        text.push(`Det billigste forsvarlige transportmiddel koster ${kr(input.cheapestCostDkk)}, ikke mere end grænsen: ingen godtgørelse.`);
      }
      text.push(flexturText(flextur, input.legalBasis, true));
      return { ...base, rule: 'sul140_right', entitled: true, reasons, reimbursement, threshold, explanationDa: text };
    }
    case 'SUL119':
      return {
        ...base, rule: 'sul119_no_right', entitled: false,
        explanationDa: [
          'Sundhedsloven § 119 (henvisning fra sygehus eller egen læge, eller egen henvendelse): ingen lovgivning giver ret til befordring eller befordringsgodtgørelse.',
          distanceText(distance),
          flexturText(flextur, input.legalBasis, false),
        ],
      };
    case 'SEL86-1':
    case 'SEL86-2': {
      const serviceLevel = { textDa: input.home?.serviceLevelDa ?? null, coPaymentDkk: input.home?.coPaymentDkk ?? null };
      const level = serviceLevel.textDa
        ? `Hjemkommunens serviceniveau: ${serviceLevel.textDa}${serviceLevel.coPaymentDkk !== null ? ` (egenbetaling ${kr(serviceLevel.coPaymentDkk)})` : ''}.`
        : 'Hjemkommunen har ikke registreret sit serviceniveau for befordring.';
      return {
        ...base, rule: 'sel86_no_general_right', entitled: false, serviceLevel,
        explanationDa: [
          'Serviceloven § 86: ingen generel ret til befordring. Efter serviceloven § 117 kan der ydes tilskud til individuel befordring ved varigt nedsat fysisk eller psykisk funktionsniveau.',
          level,
          distanceText(distance),
          flexturText(flextur, input.legalBasis, false),
        ],
      };
    }
    case null:
      return {
        ...base, rule: 'legal_basis_unknown', entitled: false,
        explanationDa: ['Henvisningens lovgrundlag er ikke registreret; retten til befordring kan ikke afgøres.', distanceText(distance), flexturText(flextur, null, false)],
      };
  }
}
