import type { InterventionDetail, InterventionFields, InterventionListItem, NewInterventionBody } from '@samkraft/contracts/catalogue';
import { audit } from '../../platform/audit/audit.ts';
import { danishDate } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { requireCatalogueEditor } from './catalogue.service.ts';
import { checkIntervention, distinct, knownDiagnosisCheck } from './intervention.rules.ts';
import { diagnosisCodes, findIntervention, insertIntervention, listInterventions, replaceDoseParts, updateIntervention } from './intervention.repository.ts';
import { typedKeys } from '@samkraft/contracts/typed';

/** The catalogue is read by all staff; retired interventions only when asked (the administration view). */
export async function getInterventions(ctx: ServiceContext, includeRetired: boolean): Promise<InterventionListItem[]> {
  const collator = new Intl.Collator('da');
  const rows = await listInterventions(ctx.db, danishDate(ctx.clock.now()), includeRetired);
  return rows.map((r) => ({
    code: r.code,
    nameDa: r.name_da,
    nameEn: r.name_en,
    category: r.category,
    form: r.form,
    targetTextDa: r.target_text_da,
    dose: r.dose,
    hosts: [...r.hosts].sort((a, b) => collator.compare(a.name, b.name)),
    active: r.active,
  }));
}

export async function getIntervention(ctx: ServiceContext, code: string): Promise<InterventionDetail> {
  const found = await findIntervention(ctx.db, code);
  if (!found) throw AppError.notFound('Intervention');
  return found;
}

/** Lists are sets: a code or basis entered twice is stored once, in the order first given. */
function normalise<T extends InterventionFields>(f: T): T {
  return {
    ...f,
    targetDiagnoses: f.targetDiagnoses && distinct(f.targetDiagnoses),
    targetTreatment: f.targetTreatment && distinct(f.targetTreatment),
    legalBases: distinct(f.legalBases),
    professions: distinct(f.professions),
  };
}

async function validate(db: Db, f: InterventionFields): Promise<void> {
  const codes = f.targetDiagnoses === null ? [] : await diagnosisCodes(db);
  checkIntervention(f, knownDiagnosisCheck(codes));
}

export async function createIntervention(ctx: ServiceContext, body: NewInterventionBody): Promise<InterventionDetail> {
  await requireCatalogueEditor(ctx, 'catalogue.intervention.create', 'intervention', body.code);
  const { code, ...fields } = normalise(body);
  return ctx.db.transaction().execute(async (trx) => {
    await validate(trx, fields);
    if (!(await insertIntervention(trx, code, fields))) {
      throw AppError.validation([{ field: 'code', code: 'taken', message: `the code ${code} is already in the catalogue` }]);
    }
    await replaceDoseParts(trx, code, fields.dose);
    const created = await findIntervention(trx, code);
    if (!created) throw AppError.notFound('Intervention');
    await audit(trx, ctx, [{ action: 'catalogue.intervention.create', citizenId: null, entityType: 'intervention', entityId: code, outcome: 'allowed', detail: created }]);
    return created;
  });
}

export async function editIntervention(ctx: ServiceContext, code: string, body: InterventionFields): Promise<InterventionDetail> {
  await requireCatalogueEditor(ctx, 'catalogue.intervention.update', 'intervention', code);
  const fields = normalise(body);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findIntervention(trx, code, true);
    if (!before) throw AppError.notFound('Intervention');
    await validate(trx, fields);
    await updateIntervention(trx, code, fields);
    await replaceDoseParts(trx, code, fields.dose);
    const after = await findIntervention(trx, code);
    if (!after) throw AppError.notFound('Intervention');
    // Only what changed, with its old value: "who changed the dose of Livskraft, and from what".
    const changed = Object.fromEntries(
      typedKeys(fields)
        .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
        .map((k) => [k, { from: before[k], to: after[k] }]),
    );
    await audit(trx, ctx, [{ action: 'catalogue.intervention.update', citizenId: null, entityType: 'intervention', entityId: code, outcome: 'allowed', detail: changed }]);
    return after;
  });
}
