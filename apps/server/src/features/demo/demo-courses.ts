import { addDays, copenhagenInstant } from './demo-dates.ts';
import { courseDates, reached, requireId, type DemoContext } from './demo-context.ts';
import { SLUG } from './demo-people.data.ts';
import { writeCrossReferral } from './demo-provider.ts';
import type { DemoScenario } from './demo-scenarios.data.ts';

const LEGAL_BASIS = { gp: 'SUL119', hospital_gop: 'SUL140', hospital_ref01: 'SUL119', self: 'SUL119' } as const;

/** One referral and its home-municipality course, as far as the scenario's step. */
export async function writeCourse(ctx: DemoContext, s: DemoScenario, citizenId: string, index: number): Promise<void> {
  const { db, today } = ctx;
  const d = courseDates(s, today);
  const slug = requireId(SLUG, s.home, 'slug');
  const contactId = requireId(ctx.staff, `${slug}.kontakt`, 'contact person');
  const leadId = requireId(ctx.staff, `${slug}.leder`, 'lead');
  const contactName = ctx.staffNames.get(contactId) ?? 'Kontaktperson';
  const fromHospital = s.source === 'hospital_gop' || s.source === 'hospital_ref01';

  const referral = await db
    .insertInto('referral')
    .values({
      citizen_id: citizenId,
      home_municipality_code: s.home,
      origin: 'demo',
      received_on: d.received,
      source: s.source,
      legal_basis: LEGAL_BASIS[s.source],
      referring_organisation_id: fromHospital && s.department ? requireId(ctx.departments, s.department, 'department') : s.source === 'gp' ? (ctx.gpClinics.get(s.home) ?? null) : null,
      referring_text: s.source === 'self' ? 'Borgeren henvendte sig selv efter råd fra Kræftens Bekæmpelse.' : null,
      diagnosis_code: s.diagnosis,
      treatment_status: s.source === 'hospital_gop' ? 'treatment_ended' : 'under_treatment',
      treatment_started_on: addDays(d.received, -90),
      treatment_ended_on: s.source === 'hospital_gop' ? addDays(d.received, -2) : null,
      discharged_on: s.source === 'hospital_gop' ? addDays(d.received, -1) : null,
      target_group: 'in_group',
      created_by: s.assigned ? contactId : null,
      created_at: copenhagenInstant(d.received, '09:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const course = await db
    .insertInto('course')
    .values({ referral_id: referral.id, opened_on: d.received, created_at: copenhagenInstant(d.received, '09:00') })
    .returning('id')
    .executeTakeFirstOrThrow();
  const courseId = course.id;

  if (s.assigned) {
    await db.insertInto('course_assignment').values({ course_id: courseId, staff_user_id: contactId, assigned_at: copenhagenInstant(d.received, '10:00'), assigned_by: leadId }).execute();
  }
  if (!reached(s, 'first_contact')) return;

  await db
    .insertInto('course_contact')
    .values({
      course_id: courseId,
      contacted_on: d.firstContact,
      channel: 'phone',
      reached: true,
      agreed_assessment_at: copenhagenInstant(d.assessed, '10:00'),
      preparation_form_sent_on: d.firstContact,
      note: 'Telefonisk kontakt. Tid til behovsvurdering aftalt; "Støtte til livet med kræft" sendt via Digital Post.',
      recorded_by: contactId,
      recorded_at: copenhagenInstant(d.firstContact, '11:00'),
    })
    .execute();
  if (!reached(s, 'assessed')) return;

  const assessment = await db
    .insertInto('needs_assessment')
    .values({
      course_id: courseId,
      occasion: 'initial',
      assessed_on: d.assessed,
      scale_score: 3 + (index % 4),
      what_matters_most: 'At kunne klare hverdagen selv og komme tilbage til fritidsinteresserne.',
      professional_assessment: 'Behov for målrettet rehabilitering; borgeren er motiveret.',
      recorded_by: contactId,
      recorded_at: copenhagenInstant(d.assessed, '12:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (s.problems.length > 0) {
    await db.insertInto('needs_assessment_problem').values(s.problems.map((item) => ({ needs_assessment_id: assessment.id, item_code: item, note: null }))).execute();
  }
  if (!reached(s, 'planned')) return;

  const code = s.intervention ?? 'mixed_training';
  const provider = requireId(ctx.routes, `${code}@${s.home}`, 'route');
  const place = requireId(ctx.offerings, `${code}@${provider}`, 'offering').placeName;
  const interventionName = ctx.interventionNames.get(code) ?? code;
  const providerName = ctx.municipalityNames.get(provider) ?? provider;
  const problems = s.problems.map((p) => ctx.itemLabels.get(p) ?? p);
  const workRelated = s.problems.includes('work_economy.return_to_work');
  const firstFollowUp = addDays(d.planned, 21);
  const closed = s.step === 'closed';

  const plan = await db
    .insertInto('action_plan')
    .values({
      course_id: courseId,
      version: 1,
      agreed_on: d.planned,
      difficulties_and_needs: problems.join('; ') || 'Nedsat funktionsevne efter kræftbehandling',
      purpose_and_content: `${interventionName} med henblik på at genvinde funktionsevne og mestre hverdagen.`,
      location: `${place} (${providerName} Kommune)`,
      other_administrations: workRelated ? 'Jobcenter (sygedagpengeopfølgning)' : null,
      return_to_work: workRelated ? 'Gradvis tilbagevenden aftales med jobcenter og arbejdsgiver.' : null,
      evaluation_on: addDays(d.planned, 90),
      evaluation_by: `${contactName} sammen med borgeren`,
      first_follow_up_on: firstFollowUp,
      created_by: contactId,
      created_at: copenhagenInstant(d.planned, '13:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('plan_goal')
    .values([
      { action_plan_id: plan.id, ordinal: 1, description: 'Genvinde kræfter til at klare indkøb og husholdning selv', target_on: addDays(d.planned, 90), status: closed ? 'reached' : 'open' },
      { action_plan_id: plan.id, ordinal: 2, description: 'Deltage i et fællesskab med ligestillede', target_on: addDays(d.planned, 120), status: closed ? 'partly_reached' : 'open' },
    ])
    .execute();
  await db
    .insertInto('action_plan_responsibility')
    .values([
      { action_plan_id: plan.id, ordinal: 1, part: 'Koordinering, opfølgning og afsluttende samtale', responsible: `${contactName}, kontaktperson` },
      { action_plan_id: plan.id, ordinal: 2, part: interventionName, responsible: `${providerName} Kommune, ${place}` },
      { action_plan_id: plan.id, ordinal: 3, part: 'Deltagelse og egen træning', responsible: 'Borgeren' },
    ])
    .execute();

  if (s.step === 'declined') {
    const declinedOn = d.declined;
    await db
      .insertInto('decline')
      .values({ course_id: courseId, declined_on: declinedOn, reason: 'too_far', note: `Ønsker ikke at tage til ${providerName} hver uge; fortsætter med egne aktiviteter.`, recorded_by: contactId, recorded_at: copenhagenInstant(declinedOn, '10:00') })
      .execute();
    await db.updateTable('course').set({ closed_on: declinedOn, close_reason: 'declined' }).where('id', '=', courseId).execute();
    return;
  }
  if (!reached(s, 'referred_on')) return;

  await writeCrossReferral(
    ctx,
    s,
    d,
    courseId,
    contactId,
    {
      sharedOn: d.crossReferral,
      intervention: code,
      diagnosis: s.diagnosis,
      difficultiesAndNeeds: problems,
      purposeAndContent: `${interventionName} med henblik på at genvinde funktionsevne og mestre hverdagen.`,
      goals: ['Genvinde kræfter til at klare indkøb og husholdning selv', 'Deltage i et fællesskab med ligestillede'],
      contactPerson: contactName,
    },
    index,
  );

  if (firstFollowUp < today) {
    await db
      .insertInto('follow_up')
      .values({ course_id: courseId, planned_on: firstFollowUp, held_on: firstFollowUp, channel: 'phone', note: 'Forløbet går godt; ingen nye behov.', recorded_by: contactId, recorded_at: copenhagenInstant(firstFollowUp, '11:00') })
      .execute();
  } else {
    await db.insertInto('follow_up').values({ course_id: courseId, planned_on: firstFollowUp }).execute();
  }
  if (!closed) return;

  const end = await db
    .insertInto('needs_assessment')
    .values({ course_id: courseId, occasion: 'end', assessed_on: d.closingConversation, scale_score: 7, what_matters_most: 'At holde fast i træningen.', recorded_by: contactId, recorded_at: copenhagenInstant(d.closingConversation, '11:00') })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('closing_conversation')
    .values({
      course_id: courseId,
      held_on: d.closingConversation,
      evaluation: 'Målene i handleplanen er nået eller delvist nået; borgeren oplever mere overskud.',
      plan_onward: 'Fortsætter med motion i lokal forening; kontakter kommunen ved nye behov.',
      citizen_experience: 'Glad for holdet og for at møde ligestillede.',
      end_assessment_id: end.id,
      satisfaction: 5,
      benefit: 4,
      recorded_by: contactId,
      recorded_at: copenhagenInstant(d.closingConversation, '11:30'),
    })
    .execute();
  const department = s.department ? ctx.departments.get(s.department) : undefined;
  await db
    .insertInto('closing_note')
    .values({
      course_id: courseId,
      body: `Afslutningsnotat: ${interventionName} gennemført hos ${providerName} Kommune. Borgeren fortsætter på egen hånd.`,
      composed_at: copenhagenInstant(d.closingNote, '09:00'),
      sent_on: d.closingNote,
      sent_to_gp: true,
      sent_to_hospital: department !== undefined,
      hospital_department_id: department ?? null,
      hospital_consent: department !== undefined,
      sent_by: contactId,
    })
    .execute();
  await db.updateTable('course').set({ closed_on: d.closingNote, close_reason: 'completed' }).where('id', '=', courseId).execute();
}
