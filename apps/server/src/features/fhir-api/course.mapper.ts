import type { NeedsAssessment } from '@samkraft/contracts/assessments';
import type { ClosingOverview } from '@samkraft/contracts/closings';
import type { CourseDetail } from '@samkraft/contracts/courses';
import type { ActionPlan } from '@samkraft/contracts/plans';
import { areaDa, goalStatusDa, goalStatusOf, legalBasisDa, occasionDa, questionnaire, sourceDa, system } from './fhir-codes.ts';
import { fhirId, ref } from './fhir-ids.rules.ts';
import { danishDateText, danishInstantText, narrative } from './fhir-narrative.ts';
import type { CarePlan, Communication, Goal, QuestionnaireItem, QuestionnaireResponse, Reference, ServiceRequest } from './fhir-types.ts';

/*
 * The home municipality's course as FHIR: the referral that opened it (ServiceRequest), its
 * current action plan (CarePlan) with the plan's goals (Goal), its needs assessments and the
 * closing conversation's questionnaire (QuestionnaireResponse) and the closing note
 * (Communication) — each from what the course's JSON API gives its home municipality.
 */

/** Whose course it is and where: what every resource of the course refers to. */
export type CourseFacts = { courseId: string; citizenId: string; homeMunicipalityCode: string; closedOn: string | null };

const patientRef = (c: CourseFacts, display?: string): Reference => ({ reference: ref('Patient', fhirId.patient(c.citizenId)), ...(display ? { display } : {}) });
const homeRef = (c: CourseFacts): Reference => ({ reference: ref('Organization', fhirId.municipality(c.homeMunicipalityCode)) });
const uuidIdentifier = (id: string) => ({ system: system.uri, value: `urn:uuid:${id}` });

export function toReferralServiceRequest(k: CourseDetail): ServiceRequest {
  const facts: CourseFacts = { courseId: k.id, citizenId: k.citizen.id, homeMunicipalityCode: k.homeMunicipality.code, closedOn: k.closedOn };
  const r = k.referral;
  const what = r.legalBasis ? `Kræftrehabilitering efter ${legalBasisDa[r.legalBasis]}` : 'Kræftrehabilitering';
  const requester: Reference | undefined = r.referringOrganisation
    ? { reference: ref('Organization', fhirId.organisation(r.referringOrganisation.id)), display: r.referringOrganisation.name }
    : r.source === 'self'
      ? patientRef(facts, k.citizen.name)
      : undefined;
  const id = fhirId.courseReferral(k.id);
  return {
    resourceType: 'ServiceRequest',
    id,
    text: narrative(`Henvisning til ${k.homeMunicipality.name} Kommune`, [
      ['Id', id],
      ['Borger', `${k.citizen.name} (Patient/${k.citizen.id})`],
      ['Modtaget', danishDateText(r.receivedOn)],
      ['Henvist af', r.referringOrganisation ? `${r.referringOrganisation.name} (Organization/${r.referringOrganisation.id})` : sourceDa[r.source]],
      ['Hjemmel', r.legalBasis ? legalBasisDa[r.legalBasis] : null],
      ['Diagnose', r.diagnosis ? `${r.diagnosis.code} ${r.diagnosis.title}` : null],
      ['Henvisningstekst', r.referringText],
      ['Forløb afsluttet', danishDateText(k.closedOn)],
    ]),
    identifier: [uuidIdentifier(k.referralId)],
    status: k.closedOn ? 'completed' : 'active',
    intent: 'order',
    category: [{ text: `Henvisning: ${sourceDa[r.source]}` }],
    code: { text: what },
    subject: patientRef(facts, k.citizen.name),
    authoredOn: r.receivedOn,
    ...(requester ? { requester } : {}),
    performer: [{ reference: ref('Organization', fhirId.municipality(k.homeMunicipality.code)), display: `${k.homeMunicipality.name} Kommune` }],
    ...(r.diagnosis ? { reasonCode: [{ coding: [{ system: system.sks, code: r.diagnosis.code, display: r.diagnosis.title }], text: r.diagnosis.title }] } : {}),
    ...(r.referringText ? { note: [{ text: r.referringText }] } : {}),
  };
}

/** The course's current action plan version, its goals as references to the Goals below. */
export function toCoursePlan(c: CourseFacts, p: ActionPlan): CarePlan {
  const id = fhirId.coursePlan(c.courseId);
  const notes: [string, string | null][] = [
    ['Vanskeligheder og behov', p.difficultiesAndNeeds],
    ['Sted', p.location],
    ['Andre forvaltninger', p.otherAdministrations],
    ['Tilbagevenden til arbejde', p.returnToWork],
    ['Evaluering', [danishDateText(p.evaluationOn), p.evaluationBy].filter(Boolean).join(', ') || null],
    ['Årsag til revision', p.revisionReason],
  ];
  const filledNotes = notes.filter((n): n is [string, string] => n[1] !== null && n[1].trim() !== '');
  return {
    resourceType: 'CarePlan',
    id,
    text: narrative(`Handleplan, version ${p.version}`, [
      ['Id', id],
      ['Borger', `Patient/${c.citizenId}`],
      ['Aftalt', danishDateText(p.agreedOn)],
      ['Formål og indhold', p.purposeAndContent],
      ...notes,
      ...p.goals.map((g): [string, string] => [`Mål ${g.ordinal} (Goal/${fhirId.courseGoal(c.courseId, g.ordinal)})`, `${g.description} — ${goalStatusDa[g.status]}`]),
      ...p.responsibilities.map((r): [string, string] => ['Ansvar', `${r.part}: ${r.responsible}`]),
    ]),
    identifier: [uuidIdentifier(p.id)],
    status: c.closedOn ? 'completed' : 'active',
    intent: 'plan',
    title: `Handleplan (version ${p.version})`,
    description: p.purposeAndContent,
    subject: patientRef(c),
    period: { start: p.agreedOn },
    created: p.createdAt,
    ...(p.createdBy ? { author: { display: p.createdBy } } : {}),
    supportingInfo: [{ reference: ref('ServiceRequest', fhirId.courseReferral(c.courseId)) }],
    ...(p.goals.length > 0 ? { goal: p.goals.map((g) => ({ reference: ref('Goal', fhirId.courseGoal(c.courseId, g.ordinal)) })) } : {}),
    ...(p.responsibilities.length > 0
      ? { activity: p.responsibilities.map((r) => ({ detail: { status: c.closedOn ? ('completed' as const) : ('in-progress' as const), description: `${r.part}: ${r.responsible}` } })) }
      : {}),
    ...(filledNotes.length > 0 ? { note: filledNotes.map(([label, text]) => ({ text: `${label}: ${text}` })) } : {}),
  };
}

export function toCourseGoals(c: CourseFacts, p: ActionPlan): Goal[] {
  return p.goals.map((g) => {
    const id = fhirId.courseGoal(c.courseId, g.ordinal);
    return {
      resourceType: 'Goal',
      id,
      text: narrative(`Mål ${g.ordinal} i handleplanen`, [
        ['Id', id],
        ['Handleplan', `CarePlan/${fhirId.coursePlan(c.courseId)} (version ${p.version})`],
        ['Mål', g.description],
        ['Dato for målet', danishDateText(g.targetOn)],
        ['Status', goalStatusDa[g.status]],
        ['Status vurderet', danishDateText(g.statusRecordedOn)],
      ]),
      identifier: [uuidIdentifier(g.id)],
      ...goalStatusOf(g.status),
      description: { text: g.description },
      subject: patientRef(c),
      startDate: p.agreedOn,
      ...(g.targetOn ? { target: [{ dueDate: g.targetOn }] } : {}),
      ...(g.statusRecordedOn ? { statusDate: g.statusRecordedOn } : {}),
    };
  });
}

/** The problems of an assessment, by area, each a yes with its note. */
export function problemItems(problems: readonly { itemCode: string; area: string; label: string; note: string | null }[]): QuestionnaireItem[] {
  const areas = [...new Set(problems.map((p) => p.area))];
  return areas.map((area) => ({
    linkId: `area.${area}`,
    text: area in areaDa ? areaDa[area as keyof typeof areaDa] : area,
    item: problems
      .filter((p) => p.area === area)
      .map((p) => ({
        linkId: p.itemCode,
        text: p.label,
        answer: [{ valueBoolean: true, ...(p.note?.trim() ? { item: [{ linkId: `${p.itemCode}.note`, text: 'Note', answer: [{ valueString: p.note.trim() }] }] } : {}) }],
      })),
  }));
}

/**
 * The course's needs assessments (the form "Støtte til livet med kræft"), numbered in the order
 * they were recorded — an order that only grows, so a number keeps naming the same assessment.
 */
export function toNeedsAssessmentResponses(c: CourseFacts, assessments: readonly NeedsAssessment[]): QuestionnaireResponse[] {
  const byRecording = [...assessments].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));
  return byRecording.map((a, i) => {
    const id = fhirId.needsAssessment(c.courseId, i + 1);
    const problems = problemItems(a.problems.map((p) => ({ itemCode: p.itemCode, area: p.area, label: p.labelDa, note: p.note })));
    const item: QuestionnaireItem[] = [
      { linkId: 'occasion', text: 'Anledning', answer: [{ valueCoding: { system: system.assessmentOccasion, code: a.occasion, display: occasionDa[a.occasion] } }] },
      { linkId: 'assessedOn', text: 'Dato for behovsvurderingen', answer: [{ valueDate: a.assessedOn }] },
      ...(a.scaleScore === null ? [] : [{ linkId: 'scaleScore', text: 'Borgerens belastning (0–10)', answer: [{ valueInteger: a.scaleScore }] }]),
      ...(problems.length > 0 ? [{ linkId: 'problems', text: 'Problemer', item: problems }] : []),
      ...(a.whatMattersMost?.trim() ? [{ linkId: 'whatMattersMost', text: 'Det vigtigste for borgeren', answer: [{ valueString: a.whatMattersMost.trim() }] }] : []),
      ...(a.professionalAssessment?.trim() ? [{ linkId: 'professionalAssessment', text: 'Den sundhedsfaglige vurdering', answer: [{ valueString: a.professionalAssessment.trim() }] }] : []),
    ];
    return {
      resourceType: 'QuestionnaireResponse',
      id,
      text: narrative(`Behovsvurdering: ${occasionDa[a.occasion]}`, [
        ['Id', id],
        ['Borger', `Patient/${c.citizenId}`],
        ['Dato', danishDateText(a.assessedOn)],
        ['Belastning (0–10)', a.scaleScore],
        ['Problemer', a.problems.map((p) => `${areaDa[p.area]}: ${p.labelDa}${p.note ? ` (${p.note})` : ''}`).join('\n') || 'Ingen'],
        ['Det vigtigste for borgeren', a.whatMattersMost],
        ['Den sundhedsfaglige vurdering', a.professionalAssessment],
        ['Registreret af', a.recordedBy],
        ['Registreret', danishInstantText(a.recordedAt)],
      ]),
      identifier: uuidIdentifier(a.id),
      questionnaire: questionnaire.needsAssessment,
      status: 'completed',
      subject: patientRef(c),
      authored: a.recordedAt,
      ...(a.recordedBy ? { author: { display: a.recordedBy } } : {}),
      item,
    };
  });
}

/**
 * The closing conversation's questionnaire (note §11 Table 7, indicators 4–5): answered, or
 * declined (stopped, no answers). Not asked gives no response at all.
 */
export function toClosingQuestionnaire(c: CourseFacts, overview: ClosingOverview): QuestionnaireResponse | null {
  const conv = overview.conversation;
  // Sent to the citizen and not answered (yet): no response exists.
  if (!conv || conv.questionnaire === 'not_asked' || conv.questionnaire === 'citizen') return null;
  const byCitizen = conv.answerSource === 'citizen' ? conv.citizenQuestionnaire : null;
  const id = fhirId.closingQuestionnaire(c.courseId);
  const answered = conv.questionnaire === 'answered';
  const item: QuestionnaireItem[] = [
    { linkId: 'heldOn', text: 'Dato for den afsluttende samtale', answer: [{ valueDate: conv.heldOn }] },
    ...(answered && conv.satisfaction !== null ? [{ linkId: 'satisfaction', text: 'Tilfredshed med hele forløbet (1–5)', answer: [{ valueInteger: conv.satisfaction }] }] : []),
    ...(answered && conv.benefit !== null ? [{ linkId: 'benefit', text: 'Positivt udbytte af forløbet (1–5)', answer: [{ valueInteger: conv.benefit }] }] : []),
  ];
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    text: narrative('Spørgeskema ved den afsluttende samtale', [
      ['Id', id],
      ['Borger', `Patient/${c.citizenId}`],
      ['Samtale', danishDateText(conv.heldOn)],
      ['Besvarelse', (answered ? 'Besvaret' : 'Borgeren ønskede ikke at svare') + (byCitizen ? ' (af borgeren selv)' : '')],
      ['Tilfredshed (1–5)', answered ? conv.satisfaction : null],
      ['Udbytte (1–5)', answered ? conv.benefit : null],
    ]),
    identifier: uuidIdentifier(conv.id),
    questionnaire: questionnaire.closing,
    status: answered ? 'completed' : 'stopped',
    subject: patientRef(c),
    // The citizen's own answers on their phone (issue 13.5) are authored by the citizen.
    authored: byCitizen?.answeredAt ?? conv.recordedAt,
    ...(byCitizen ? { author: patientRef(c), source: patientRef(c) } : conv.recordedBy ? { author: { display: conv.recordedBy } } : {}),
    item,
  };
}

/** The closing note to the GP (and a hospital department), sent or still a draft. */
export function toClosingNoteCommunication(c: CourseFacts, overview: ClosingOverview): Communication | null {
  const note = overview.note;
  if (!note) return null;
  const id = fhirId.closingNote(c.courseId);
  const recipients: Reference[] = [
    ...(note.sentToGp && note.gp ? [{ reference: ref('Organization', fhirId.organisation(note.gp.id)), display: note.gp.name }] : []),
    ...(note.sentToHospital && note.hospitalDepartment ? [{ reference: ref('Organization', fhirId.organisation(note.hospitalDepartment.id)), display: note.hospitalDepartment.name }] : []),
  ];
  // A draft has no recipient yet: its addressee is the GP it will go to, when known.
  const recipient = recipients.length > 0 ? recipients : overview.gp ? [{ reference: ref('Organization', fhirId.organisation(overview.gp.id)), display: overview.gp.name }] : [];
  return {
    resourceType: 'Communication',
    id,
    text: narrative('Afslutningsnotat', [
      ['Id', id],
      ['Borger', `Patient/${c.citizenId}`],
      ['Afsendt', note.sentOn ? danishDateText(note.sentOn) : 'Ikke sendt endnu'],
      ['Modtagere', recipient.map((r) => `${r.display ?? ''} (${r.reference ?? ''})`).join('\n') || null],
      ['Sendt af', note.sentBy],
      ['Notat', note.body],
    ]),
    identifier: [uuidIdentifier(note.id)],
    status: note.sentOn ? 'completed' : 'preparation',
    category: [{ text: 'Afslutningsnotat' }],
    subject: patientRef(c),
    topic: { text: 'Afslutningsnotat' },
    about: [{ reference: ref('ServiceRequest', fhirId.courseReferral(c.courseId)) }],
    ...(note.sentOn ? { sent: note.sentOn } : {}),
    ...(recipient.length > 0 ? { recipient } : {}),
    sender: homeRef(c),
    payload: [{ contentString: note.body }],
  };
}
