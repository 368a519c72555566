import { describe, expect, it } from 'vitest';
import { checkConversation, checkSend, questionnaireOf, type ConversationCheck, type SendCheck } from './closing.rules.ts';

const conversation: ConversationCheck = {
  heldOn: '2026-11-20',
  today: '2026-11-22',
  receivedOn: '2026-06-01',
  questionnaire: 'answered',
  satisfaction: 5,
  benefit: 4,
  endAssessmentId: 'a1',
  endAssessmentIds: new Set(['a1']),
};
const codes = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

describe('checkConversation', () => {
  it('accepts a conversation held today with both answers and an end assessment of the course', () => {
    expect(checkConversation({ ...conversation, heldOn: '2026-11-22' })).toEqual([]);
  });
  it('refuses a future date and a date before the referral', () => {
    expect(codes(checkConversation({ ...conversation, heldOn: '2026-11-23' }))).toEqual(['heldOn:future_date']);
    expect(codes(checkConversation({ ...conversation, heldOn: '2026-05-31' }))).toEqual(['heldOn:before_received']);
  });
  it('wants both answers when answered, and none when declined or not asked', () => {
    expect(codes(checkConversation({ ...conversation, satisfaction: null }))).toEqual(['satisfaction:required']);
    expect(codes(checkConversation({ ...conversation, questionnaire: 'declined', benefit: null }))).toEqual(['satisfaction:answers_not_allowed']);
    expect(checkConversation({ ...conversation, questionnaire: 'not_asked', satisfaction: null, benefit: null })).toEqual([]);
  });
  it('refuses an assessment that is not an end assessment of the course', () => {
    expect(codes(checkConversation({ ...conversation, endAssessmentId: 'other' }))).toEqual(['endAssessmentId:not_end_assessment']);
  });
});

describe('questionnaireOf', () => {
  const staff = { answerSource: 'staff' as const, citizenAnsweredAt: null };
  it('tells answered, declined and not asked apart', () => {
    expect(questionnaireOf({ ...staff, questionnaireDeclined: false, satisfaction: 3, benefit: 2 })).toBe('answered');
    expect(questionnaireOf({ ...staff, questionnaireDeclined: true, satisfaction: null, benefit: null })).toBe('declined');
    expect(questionnaireOf({ ...staff, questionnaireDeclined: false, satisfaction: null, benefit: null })).toBe('not_asked');
  });
  it('reads a questionnaire sent to the citizen as `citizen` until answered, then by the answers', () => {
    const sent = { answerSource: 'citizen' as const, questionnaireDeclined: false, satisfaction: null, benefit: null };
    expect(questionnaireOf({ ...sent, citizenAnsweredAt: null })).toBe('citizen');
    expect(questionnaireOf({ ...sent, citizenAnsweredAt: '2026-11-24T10:00:00.000Z', satisfaction: 4 })).toBe('answered');
    expect(questionnaireOf({ ...sent, citizenAnsweredAt: '2026-11-24T10:00:00.000Z', questionnaireDeclined: true })).toBe('declined');
  });
  it('accepts the citizen choice without answers, like declined', () => {
    expect(checkConversation({ ...conversation, questionnaire: 'citizen', satisfaction: null, benefit: null })).toEqual([]);
    expect(codes(checkConversation({ ...conversation, questionnaire: 'citizen', satisfaction: null }))).toEqual(['benefit:answers_not_allowed']);
  });
});

const send: SendCheck = {
  sentOn: '2026-11-22',
  today: '2026-11-22',
  openedOn: '2026-06-01',
  conversationHeldOn: '2026-11-20',
  toGp: true,
  gpKnown: true,
  toHospital: true,
  hospitalDepartmentId: 'd1',
  hospitalDepartmentKind: 'hospital_department',
  hospitalConsent: true,
};

describe('checkSend', () => {
  it('accepts a note to the GP and a hospital department with consent', () => {
    expect(checkSend(send)).toEqual([]);
  });
  it('requires the consent and a real hospital department for the hospital', () => {
    expect(codes(checkSend({ ...send, hospitalConsent: false }))).toEqual(['hospitalConsent:consent_required']);
    expect(codes(checkSend({ ...send, hospitalDepartmentKind: 'gp_clinic' }))).toEqual(['hospitalDepartmentId:not_hospital_department']);
    expect(codes(checkSend({ ...send, hospitalDepartmentId: null, hospitalDepartmentKind: undefined }))).toEqual(['hospitalDepartmentId:required']);
    expect(checkSend({ ...send, toHospital: false, hospitalConsent: false, hospitalDepartmentId: null })).toEqual([]);
  });
  it('requires a recipient, a known GP, the conversation and a sensible date', () => {
    expect(codes(checkSend({ ...send, toGp: false, toHospital: false }))).toEqual(['toGp:recipient_required']);
    expect(codes(checkSend({ ...send, gpKnown: false }))).toEqual(['toGp:gp_unknown']);
    expect(codes(checkSend({ ...send, conversationHeldOn: null }))).toEqual(['conversation:closing_conversation_required']);
    expect(codes(checkSend({ ...send, sentOn: '2026-11-23' }))).toEqual(['sentOn:future_date']);
    expect(codes(checkSend({ ...send, sentOn: '2026-11-19' }))).toEqual(['sentOn:before_conversation']);
    expect(codes(checkSend({ ...send, sentOn: '2026-05-31', conversationHeldOn: '2026-05-01' }))).toEqual(['sentOn:before_received']);
  });
});
