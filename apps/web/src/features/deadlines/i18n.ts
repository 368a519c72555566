import type { DeadlineUnit, PauseReason } from '@samkraft/contracts/deadlines';

/**
 * Texts of a course's deadlines, the deadline policies and the deceased action; `en` has the
 * same shape. Deadline kinds and states come from the worklist's namespace, so both pages name
 * them alike.
 */
export const da = {
  section: {
    title: 'Frister',
    intro: 'Fristerne beregnes af serveren ud fra forløbets hændelser og den fristregel, der gjaldt, da fristen begyndte at løbe.',
    empty: 'Forløbet har ingen frister endnu.',
    asOf: 'Tilstand pr. {{date}}',
    columns: { kind: 'Frist', actor: 'Skal handle', started: 'Løber fra', due: 'Frist', met: 'Opfyldt', state: 'Tilstand', paused: 'Sat i bero (hverdage)', cause: 'Forsinkelse' },
    actor: { home: 'Hjemkommunen ({{code}})', provider: 'Udførende kommune ({{code}})' },
    cause: { citizen: 'Borgerens forhold', municipality: 'Kommunens egen' },
    none: '—',
  },
  pause: {
    title: 'Sæt en frist i bero',
    intro: 'Fristen står stille, mens den er i bero; dagene lægges til fristen og tælles som borgerens forhold, ikke kommunens.',
    deadline: 'Frist',
    pausedOn: 'I bero fra',
    reason: 'Årsag',
    note: 'Bemærkning',
    noteRequired: 'Skriv en bemærkning, når årsagen er "Andet"',
    submit: 'Sæt i bero',
    nothing: 'Ingen af hjemkommunens frister løber lige nu.',
  },
  reasons: { citizen_wish: 'Borgerens ønske', hospital_admission: 'Indlagt på hospital', other: 'Andet' } satisfies Record<PauseReason, string>,
  resume: {
    title: 'Genoptag en frist',
    resumedOn: 'Genoptag {{kind}} fra',
    submit: 'Genoptag {{kind}}',
  },
  deceased: {
    title: 'Dødsfald',
    intro: 'Registrér, at borgeren er død. Borgerens åbne forløb i kommunen lukkes.',
    date: 'Dødsdato',
    confirm: 'Jeg bekræfter, at borgeren er død, og at forløbet skal lukkes',
    submit: 'Registrér dødsfald',
    done: 'Dødsfaldet er registreret {{date}}.',
    reported: 'Sygehuset meddelte {{date}}, at borgeren er død. Datoen nedenfor er meddelelsens — ret den til dødsdatoen, hvis den er en anden.',
  },
  policies: {
    title: 'Fristregler',
    intro: 'Hver frist beregnes efter den regel, der var gældende, da fristens ur startede. Ældre regler bevares, så tidligere frister ikke flytter sig.',
    historyTitle: 'Regler pr. frist',
    current: 'Gældende',
    columns: { effectiveFrom: 'Gælder fra', length: 'Frist', source: 'Kilde', status: 'Status' },
    formTitle: 'Ny fristregel',
    formIntro:
      'En ny regel gælder kun for frister, hvis ur starter på eller efter datoen "Gælder fra". Frister, der allerede er startet før, beregnes fortsat efter den regel, de startede under.',
    kind: 'Frist',
    amount: 'Længde',
    unit: 'Enhed',
    effectiveFrom: 'Gælder fra',
    source: 'Kilde eller begrundelse',
    submit: 'Tilføj regel',
    saved: 'Reglen er tilføjet.',
    onlyAdmin: 'Kun administratorer kan tilføje fristregler.',
  },
  units: { working_days: 'hverdage', calendar_days: 'kalenderdage', months: 'måneder' } satisfies Record<DeadlineUnit, string>,
  /** A length with its unit, singular or plural by the amount: "1 måned", "10 hverdage". */
  amounts: {
    working_days_one: '{{count}} hverdag',
    working_days_other: '{{count}} hverdage',
    calendar_days_one: '{{count}} kalenderdag',
    calendar_days_other: '{{count}} kalenderdage',
    months_one: '{{count}} måned',
    months_other: '{{count}} måneder',
  },
};

export type DeadlinesTexts = typeof da;

export const en: DeadlinesTexts = {
  section: {
    title: 'Deadlines',
    intro: "The server derives the deadlines from the course's events and the policy in force when each deadline's clock started.",
    empty: 'The course has no deadlines yet.',
    asOf: 'State as of {{date}}',
    columns: { kind: 'Deadline', actor: 'Must act', started: 'Runs from', due: 'Due', met: 'Met', state: 'State', paused: 'Paused (working days)', cause: 'Delay' },
    actor: { home: 'Home municipality ({{code}})', provider: 'Providing municipality ({{code}})' },
    cause: { citizen: "The citizen's circumstances", municipality: "The municipality's own" },
    none: '—',
  },
  pause: {
    title: 'Pause a deadline',
    intro: "The clock stands still while paused; the days are added to the due date and count as the citizen's circumstances, not the municipality's.",
    deadline: 'Deadline',
    pausedOn: 'Paused from',
    reason: 'Reason',
    note: 'Note',
    noteRequired: 'Write a note when the reason is "Other"',
    submit: 'Pause',
    nothing: "None of the home municipality's deadlines is running now.",
  },
  reasons: { citizen_wish: "The citizen's wish", hospital_admission: 'Admitted to hospital', other: 'Other' },
  resume: {
    title: 'Resume a deadline',
    resumedOn: 'Resume {{kind}} from',
    submit: 'Resume {{kind}}',
  },
  deceased: {
    title: 'Death',
    intro: "Record that the citizen has died. The citizen's open courses in the municipality are closed.",
    date: 'Date of death',
    confirm: 'I confirm that the citizen has died and that the course is to be closed',
    submit: 'Record death',
    done: 'The death was recorded {{date}}.',
    reported: 'The hospital reported on {{date}} that the citizen has died. The date below is the report’s — change it to the date of death if that differs.',
  },
  policies: {
    title: 'Deadline policies',
    intro: "Each deadline is counted by the policy in force when its clock started. Older policies are kept so earlier deadlines do not move.",
    historyTitle: 'Policies per deadline',
    current: 'In force',
    columns: { effectiveFrom: 'Effective from', length: 'Deadline', source: 'Source', status: 'Status' },
    formTitle: 'New deadline policy',
    formIntro: 'A new policy applies only to deadlines whose clock starts on or after its effective date. Deadlines started before keep the policy they started under.',
    kind: 'Deadline',
    amount: 'Length',
    unit: 'Unit',
    effectiveFrom: 'Effective from',
    source: 'Source or reason',
    submit: 'Add policy',
    saved: 'The policy was added.',
    onlyAdmin: 'Only administrators can add deadline policies.',
  },
  units: { working_days: 'working days', calendar_days: 'calendar days', months: 'months' },
  amounts: {
    working_days_one: '{{count}} working day',
    working_days_other: '{{count}} working days',
    calendar_days_one: '{{count}} calendar day',
    calendar_days_other: '{{count}} calendar days',
    months_one: '{{count}} month',
    months_other: '{{count}} months',
  },
};
