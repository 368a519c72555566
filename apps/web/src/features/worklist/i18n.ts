import type { closeReasons } from '@samkraft/contracts/courses';
import type { DeadlineKind, DeadlineState } from '@samkraft/contracts/deadlines';
import type { NextStep, WorklistState } from '@samkraft/contracts/worklist';

/** Texts of the worklist ("arbejdsliste"); `en` has the same shape. */
type CloseReason = (typeof closeReasons)[number];

export const da = {
  title: 'Arbejdsliste',
  intro: 'Åbne forløb med næste skridt og frist. De mest presserende står øverst.',
  scope: { label: 'Vis', mine: 'Mine forløb', unassigned: 'Ikke tildelt', municipality: 'Hele kommunen', closed: 'Afsluttede' },
  closedTitle: 'Afsluttede forløb, senest afsluttede først',
  closedEmpty: 'Ingen afsluttede forløb.',
  closedColumns: { received: 'Modtaget', closed: 'Afsluttet', reason: 'Årsag' },
  closeReasons: { completed: 'Gennemført', declined: 'Takket nej', died: 'Død', moved: 'Fraflyttet', not_in_target_group: 'Uden for målgruppen', duplicate: 'Dublet', other: 'Andet' } satisfies Record<CloseReason, string>,
  stateFilter: 'Fristens tilstand',
  stepFilter: 'Trin',
  all: 'Alle',
  countsTitle: 'Antal pr. tilstand',
  tableTitle: 'Forløb',
  showing: 'Viser {{from}}–{{to}} af {{total}} forløb',
  pages: 'Sider i arbejdslisten',
  pageControls: { first: 'Første side', previous: 'Forrige side', next: 'Næste side', last: 'Sidste side' },
  empty: 'Ingen forløb matcher.',
  columns: { citizen: 'Borger', step: 'Trin', nextStep: 'Næste skridt', deadline: 'Næste frist', due: 'Frist', state: 'Tilstand', contactPerson: 'Kontaktperson' },
  noContactPerson: 'Ikke tildelt',
  noDeadline: 'Ingen løbende frist',
  states: { overdue: 'Overskredet', due_soon: 'Snart', open: 'Åben', paused: 'Sat i bero', none: 'Ingen frist', met: 'Overholdt', met_late: 'Overholdt for sent' } satisfies Record<WorklistState | DeadlineState, string>,
  kinds: {
    first_contact: 'Første kontakt',
    initial_assessment: 'Indledende behovsvurdering',
    cross_referral: 'Henvisning til tværkommunal indsats',
    provider_contact: 'Udførende kommunes kontakt',
    deeper_assessment: 'Uddybende udredning',
    provider_start: 'Opstart i udførende kommune',
    closing_conversation: 'Afsluttende samtale',
    sul140_training_start: 'Træningsstart efter udskrivning (§ 140)',
  } satisfies Record<DeadlineKind, string>,
  nextSteps: {
    first_contact: 'Første kontakt',
    initial_assessment: 'Behovsvurdering',
    action_plan: 'Handleplan',
    cross_referral: 'Henvis til indsats',
    await_provider: 'Afvent udførende kommune',
    follow_up: 'Opfølgning',
    closing_conversation: 'Afsluttende samtale',
    none: '—',
  } satisfies Record<NextStep, string>,
};

export type WorklistTexts = typeof da;

export const en: WorklistTexts = {
  title: 'Worklist',
  intro: 'Open courses with their next step and deadline. The most urgent come first.',
  scope: { label: 'Show', mine: 'My courses', unassigned: 'Unassigned', municipality: 'Whole municipality', closed: 'Closed' },
  closedTitle: 'Closed courses, most recently closed first',
  closedEmpty: 'No closed courses.',
  closedColumns: { received: 'Received', closed: 'Closed', reason: 'Reason' },
  closeReasons: { completed: 'Completed', declined: 'Declined', died: 'Died', moved: 'Moved away', not_in_target_group: 'Outside the target group', duplicate: 'Duplicate', other: 'Other' },
  stateFilter: 'Deadline state',
  stepFilter: 'Step',
  all: 'All',
  countsTitle: 'Count per state',
  tableTitle: 'Courses',
  showing: 'Showing {{from}}–{{to}} of {{total}} courses',
  pages: 'Pages of the worklist',
  pageControls: { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' },
  empty: 'No course matches.',
  columns: { citizen: 'Citizen', step: 'Step', nextStep: 'Next step', deadline: 'Next deadline', due: 'Due', state: 'State', contactPerson: 'Contact person' },
  noContactPerson: 'Unassigned',
  noDeadline: 'No running deadline',
  states: { overdue: 'Overdue', due_soon: 'Due soon', open: 'Open', paused: 'Paused', none: 'No deadline', met: 'Met', met_late: 'Met late' },
  kinds: {
    first_contact: 'First contact',
    initial_assessment: 'Initial needs assessment',
    cross_referral: 'Cross-municipal referral',
    provider_contact: "Provider's contact",
    deeper_assessment: 'Deeper assessment',
    provider_start: 'Start at the provider',
    closing_conversation: 'Closing conversation',
    sul140_training_start: 'Training start after discharge (§140)',
  },
  nextSteps: {
    first_contact: 'First contact',
    initial_assessment: 'Needs assessment',
    action_plan: 'Action plan',
    cross_referral: 'Refer to an intervention',
    await_provider: 'Await the provider',
    follow_up: 'Follow-up',
    closing_conversation: 'Closing conversation',
    none: '—',
  },
};
