/** Texts of the citizen search ("find borger"); `en` has the same shape. */
export const da = {
  title: 'Find borger',
  label: 'CPR-nummer eller navn',
  description: 'Hele CPR-nummeret (med eller uden bindestreg) eller en del af for- eller efternavn.',
  submit: 'Søg',
  found_one: '{{count}} borger fundet',
  found_other: '{{count}} borgere fundet',
  truncated: 'Der er flere borgere end de viste {{shown}}. Skriv mere af navnet.',
  none: 'Ingen borgere fundet.',
  courses: 'Forløb',
  courseReceived: 'Forløb modtaget {{date}}',
  closed: 'afsluttet {{date}}',
  open: 'åbent',
  incomingReferral: 'Henvisning fra {{municipality}}, modtaget {{date}}',
  noCourses: 'Ingen forløb i kommunen.',
};

export type CitizenSearchTexts = typeof da;

export const en: CitizenSearchTexts = {
  title: 'Find a citizen',
  label: 'CPR number or name',
  description: 'The whole CPR number (with or without the dash) or part of the given or family name.',
  submit: 'Search',
  found_one: '{{count}} citizen found',
  found_other: '{{count}} citizens found',
  truncated: 'There are more citizens than the {{shown}} shown. Type more of the name.',
  none: 'No citizens found.',
  courses: 'Courses',
  courseReceived: 'Course received {{date}}',
  closed: 'closed {{date}}',
  open: 'open',
  incomingReferral: 'Referral from {{municipality}}, received {{date}}',
  noCourses: 'No courses in the municipality.',
};
