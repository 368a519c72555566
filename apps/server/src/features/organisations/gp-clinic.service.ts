import type { GpClinicInput } from '@samkraft/contracts/organisations';
import type { Db } from '../../platform/database/database.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { checkGpClinicInput } from './gp-clinic.rules.ts';
import { findGpClinic, findGpClinicByNumbers, findOrganisationKind, insertGpClinic, type GpClinicRecord } from './organisation.repository.ts';

/** The issues of a GP clinic given in a body at `at` (checked before anything is written). */
export async function checkGpClinicIn(trx: Db, input: GpClinicInput, at: string): Promise<FieldIssue[]> {
  const chosenKind = input.organisationId !== undefined ? await findOrganisationKind(trx, input.organisationId) : undefined;
  const issues = checkGpClinicInput(input, { chosenKind }, at);
  if (issues.length === 0 && input.organisationId === undefined) {
    const known = await findGpClinicByNumbers(trx, { ydernummer: input.ydernummer, sorCode: input.sorCode });
    if (known && known.kind !== 'gp_clinic') issues.push({ field: `${at}.sorCode`, code: 'not_gp_clinic', message: 'this SOR code belongs to an organisation that is not a GP clinic' });
  }
  return issues;
}

/**
 * The GP clinic's id, inside the caller's transaction (checked first by `checkGpClinicIn`): the
 * chosen clinic, the known clinic with the same ydernummer or SOR code, or a new clinic.
 */
export async function resolveGpClinicIn(trx: Db, input: GpClinicInput, at: string, municipalityCode: string | null): Promise<{ clinic: GpClinicRecord; created: boolean }> {
  const issues = await checkGpClinicIn(trx, input, at);
  if (issues.length > 0) throw AppError.validation(issues);
  let id = input.organisationId;
  let created = false;
  if (id === undefined) {
    id = (await findGpClinicByNumbers(trx, { ydernummer: input.ydernummer, sorCode: input.sorCode }))?.id;
    if (id === undefined) {
      id = await insertGpClinic(trx, {
        name: input.name ?? '',
        ydernummer: input.ydernummer ?? null,
        sorCode: input.sorCode ?? null,
        address: input.address ?? null,
        phone: input.phone ?? null,
        municipalityCode,
      });
      created = true;
    }
  }
  const clinic = await findGpClinic(trx, id);
  if (!clinic) throw new AppError('internal', 'The GP clinic could not be read back');
  return { clinic, created };
}

export async function getGpClinicIn(trx: Db, id: string | null): Promise<GpClinicRecord | null> {
  return id ? ((await findGpClinic(trx, id)) ?? null) : null;
}
