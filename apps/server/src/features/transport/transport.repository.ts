import type { Db } from '../../platform/database/database.ts';
import type { MunicipalityTransportSetting, TransportLegalBasis, TransportThreshold } from './transport.rules.ts';

export type CrossReferralTransportFacts = {
  crossReferralId: string;
  courseId: string;
  citizenId: string;
  legalBasis: TransportLegalBasis | null;
  pensioner: boolean;
  homeMunicipalityCode: string;
  providerMunicipalityCode: string;
  receivedOn: string;
};

export async function findCrossReferralTransportFacts(db: Db, crossReferralId: string): Promise<CrossReferralTransportFacts | undefined> {
  const r = await db
    .selectFrom('cross_referral as x')
    .innerJoin('course as k', 'k.id', 'x.course_id')
    .innerJoin('referral as r', 'r.id', 'k.referral_id')
    .innerJoin('citizen as c', 'c.id', 'r.citizen_id')
    .select(['x.id', 'x.course_id', 'r.citizen_id', 'r.legal_basis', 'c.pensioner', 'r.home_municipality_code', 'x.provider_municipality_code', 'x.received_on'])
    .where('x.id', '=', crossReferralId)
    .executeTakeFirst();
  return r && {
    crossReferralId: r.id,
    courseId: r.course_id,
    citizenId: r.citizen_id,
    legalBasis: r.legal_basis,
    pensioner: r.pensioner,
    homeMunicipalityCode: r.home_municipality_code,
    providerMunicipalityCode: r.provider_municipality_code,
    receivedOn: r.received_on,
  };
}

export async function listTransportRules(db: Db): Promise<TransportThreshold[]> {
  const rows = await db.selectFrom('transport_rule').select(['effective_from', 'pensioner_min_dkk', 'non_pensioner_min_dkk', 'distance_km', 'source']).orderBy('effective_from').execute();
  return rows.map((r) => ({ effectiveFrom: r.effective_from, pensionerMinDkk: Number(r.pensioner_min_dkk), nonPensionerMinDkk: Number(r.non_pensioner_min_dkk), distanceKm: Number(r.distance_km), source: r.source }));
}

/** False when a row for that day already exists (the unique key), so the caller can say so. */
export async function insertTransportRule(db: Db, t: TransportThreshold): Promise<boolean> {
  const r = await db
    .insertInto('transport_rule')
    .values({ effective_from: t.effectiveFrom, pensioner_min_dkk: t.pensionerMinDkk, non_pensioner_min_dkk: t.nonPensionerMinDkk, distance_km: t.distanceKm, source: t.source })
    .onConflict((oc) => oc.column('effective_from').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function findMunicipalityName(db: Db, code: string): Promise<string | undefined> {
  const r = await db.selectFrom('municipality').select('name').where('code', '=', code).executeTakeFirst();
  return r?.name;
}

/** All rows of a municipality, newest first. */
export async function listMunicipalityTransport(db: Db, code: string): Promise<MunicipalityTransportSetting[]> {
  const rows = await db
    .selectFrom('municipality_transport')
    .select(['effective_from', 'flextur_member', 'service_level_da', 'co_payment_dkk'])
    .where('municipality_code', '=', code)
    .orderBy('effective_from', 'desc')
    .execute();
  return rows.map((r) => ({ effectiveFrom: r.effective_from, flexturMember: r.flextur_member, serviceLevelDa: r.service_level_da, coPaymentDkk: r.co_payment_dkk === null ? null : Number(r.co_payment_dkk) }));
}

/** A change made twice on the same day replaces that day's row; earlier rows stay as history. */
export async function upsertMunicipalityTransport(db: Db, code: string, s: MunicipalityTransportSetting): Promise<void> {
  const values = { flextur_member: s.flexturMember, service_level_da: s.serviceLevelDa, co_payment_dkk: s.coPaymentDkk };
  await db
    .insertInto('municipality_transport')
    .values({ municipality_code: code, effective_from: s.effectiveFrom, ...values })
    .onConflict((oc) => oc.columns(['municipality_code', 'effective_from']).doUpdateSet(values))
    .execute();
}
