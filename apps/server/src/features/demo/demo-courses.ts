import { randomUUID } from 'node:crypto';
import { addDays, copenhagenInstant } from './demo-dates.ts';
import { courseDates, reached, requireId, type DemoContext } from './demo-context.ts';
import { SLUG } from './demo-people.data.ts';
import { addCrossReferral } from './demo-provider.ts';
import type { DemoScenario } from './demo-scenarios.data.ts';

const LEGAL_BASIS = { gp: 'SUL119', hospital_gop: 'SUL140', hospital_ref01: 'SUL119', self: 'SUL119' } as const;

/** One referral and its home-municipality course, as far as the scenario's step, added to the demo's rows. */
export function addCourse(ctx: DemoContext, s: DemoScenario, citizenId: string, index: number): void {
  const { rows, today } = ctx;
  const d = courseDates(s, today);
  const slug = requireId(SLUG, s.home, 'slug');
  const contactId = requireId(ctx.staff, `${slug}.kontakt`, 'contact person');
  const leadId = requireId(ctx.staff, `${slug}.leder`, 'lead');
  const contactName = ctx.staffNames.get(contactId) ?? 'Kontaktperson';
  const fromHospital = s.source === 'hospital_gop' || s.source === 'hospital_ref01';

  const referralId = randomUUID();
  rows.referrals.push({
    id: referralId,
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
  });

  const courseId = randomUUID();
  rows.courses.push({ id: courseId, referral_id: referralId, opened_on: d.received, created_at: copenhagenInstant(d.received, '09:00') });

  if (s.assigned) {
    rows.courseAssignments.push({ course_id: courseId, staff_user_id: contactId, assigned_at: copenhagenInstant(d.received, '10:00'), assigned_by: leadId });
  }
  if (!reached(s, 'first_contact')) return;

  rows.courseContacts.push({
    course_id: courseId,
    contacted_on: d.firstContact,
    channel: 'phone',
    reached: true,
    agreed_assessment_at: copenhagenInstant(d.assessed, '10:00'),
    preparation_form_sent_on: d.firstContact,
    note: 'Telefonisk kontakt. Tid til behovsvurdering aftalt; "Støtte til livet med kræft" sendt via Digital Post.',
    recorded_by: contactId,
    recorded_at: copenhagenInstant(d.firstContact, '11:00'),
  });
  if (!reached(s, 'assessed')) return;

  const assessmentId = randomUUID();
  rows.needsAssessments.push({
    id: assessmentId,
    course_id: courseId,
    occasion: 'initial',
    assessed_on: d.assessed,
    scale_score: 3 + (index % 4),
    what_matters_most: 'At kunne klare hverdagen selv og komme tilbage til fritidsinteresserne.',
    professional_assessment: 'Behov for målrettet rehabilitering; borgeren er motiveret.',
    recorded_by: contactId,
    recorded_at: copenhagenInstant(d.assessed, '12:00'),
  });
  rows.needsAssessmentProblems.push(...s.problems.map((item) => ({ needs_assessment_id: assessmentId, item_code: item, note: null })));
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

  const planId = randomUUID();
  rows.actionPlans.push({
    id: planId,
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
  });
  rows.planGoals.push(
    { action_plan_id: planId, ordinal: 1, description: 'Genvinde kræfter til at klare indkøb og husholdning selv', target_on: addDays(d.planned, 90), status: closed ? 'reached' : 'open' },
    { action_plan_id: planId, ordinal: 2, description: 'Deltage i et fællesskab med ligestillede', target_on: addDays(d.planned, 120), status: closed ? 'partly_reached' : 'open' },
  );
  rows.actionPlanResponsibilities.push(
    { action_plan_id: planId, ordinal: 1, part: 'Koordinering, opfølgning og afsluttende samtale', responsible: `${contactName}, kontaktperson` },
    { action_plan_id: planId, ordinal: 2, part: interventionName, responsible: `${providerName} Kommune, ${place}` },
    { action_plan_id: planId, ordinal: 3, part: 'Deltagelse og egen træning', responsible: 'Borgeren' },
  );

  if (s.step === 'declined') {
    const declinedOn = d.declined;
    rows.declines.push({ course_id: courseId, declined_on: declinedOn, reason: 'too_far', note: `Ønsker ikke at tage til ${providerName} hver uge; fortsætter med egne aktiviteter.`, recorded_by: contactId, recorded_at: copenhagenInstant(declinedOn, '10:00') });
    rows.closings.push({ courseId, closedOn: declinedOn, reason: 'declined' });
    return;
  }
  if (!reached(s, 'referred_on')) return;

  addCrossReferral(
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
    rows.followUpsHeld.push({ course_id: courseId, planned_on: firstFollowUp, held_on: firstFollowUp, channel: 'phone', note: 'Forløbet går godt; ingen nye behov.', recorded_by: contactId, recorded_at: copenhagenInstant(firstFollowUp, '11:00') });
  } else {
    rows.followUpsPlanned.push({ course_id: courseId, planned_on: firstFollowUp });
  }
  if (!closed) return;

  const endAssessmentId = randomUUID();
  rows.needsAssessments.push({
    id: endAssessmentId,
    course_id: courseId,
    occasion: 'end',
    assessed_on: d.closingConversation,
    scale_score: 7,
    what_matters_most: 'At holde fast i træningen.',
    professional_assessment: null,
    recorded_by: contactId,
    recorded_at: copenhagenInstant(d.closingConversation, '11:00'),
  });
  rows.closingConversations.push({
    course_id: courseId,
    held_on: d.closingConversation,
    evaluation: 'Målene i handleplanen er nået eller delvist nået; borgeren oplever mere overskud.',
    plan_onward: 'Fortsætter med motion i lokal forening; kontakter kommunen ved nye behov.',
    citizen_experience: 'Glad for holdet og for at møde ligestillede.',
    end_assessment_id: endAssessmentId,
    satisfaction: 5,
    benefit: 4,
    recorded_by: contactId,
    recorded_at: copenhagenInstant(d.closingConversation, '11:30'),
  });
  const department = s.department ? ctx.departments.get(s.department) : undefined;
  rows.closingNotes.push({
    course_id: courseId,
    body: `Afslutningsnotat: ${interventionName} gennemført hos ${providerName} Kommune. Borgeren fortsætter på egen hånd.`,
    composed_at: copenhagenInstant(d.closingNote, '09:00'),
    sent_on: d.closingNote,
    sent_to_gp: true,
    sent_to_hospital: department !== undefined,
    hospital_department_id: department ?? null,
    hospital_consent: department !== undefined,
    sent_by: contactId,
  });
  rows.closings.push({ courseId, closedOn: d.closingNote, reason: 'completed' });
}
