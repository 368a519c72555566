/**
 * MedCom's CareCommunication categories: CodeSystem medcom-careCommunication-categoryCodes 1.9.0
 * (terminology 2.0.1), the required binding of Communication.category. Copied from
 * refdata/fhir/medcom/carecommunication-codes/medcom_carecommunication_categories.json (the medcom
 * feature's test compares the two). The CodeSystem is case-insensitive; users see the Danish
 * designation. Here for both sides: the server builds and reads messages with it, the web offers
 * it when a message is written.
 */
export const careCommunicationCategories = [
  { code: 'alcohol-and-drug-treatment', da: 'Rusmiddelbehandling', en: 'Alcohol and drug treatment' },
  { code: 'assistive-devices', da: 'Hjælpemidler', en: 'Assistive technology' },
  { code: 'carecoordination', da: 'Forløbskoordinering', en: 'Care Coordination' },
  { code: 'decease', da: 'Dødsfald', en: 'Decease' },
  { code: 'discharge', da: 'Udskrivelse', en: 'Discharge' },
  { code: 'examination-results', da: 'Undersøgelsessvar', en: 'Examination Results' },
  { code: 'healthcare', da: 'Sundhedspleje', en: 'Healthcare' },
  { code: 'home-care-assessment', da: 'Visitation', en: 'Home care assessment' },
  { code: 'medicine', da: 'Medicin', en: 'Medicine' },
  { code: 'nursing', da: 'Sygepleje', en: 'Nursing' },
  { code: 'outpatient', da: 'Ambulant', en: 'Outpatient' },
  { code: 'psychiatry-social-disability', da: 'Psykiatri, social, handicap', en: 'Psychiatry, Social, Disability' },
  { code: 'regarding-referral', da: 'Vedr. henvisning', en: 'Regarding Referral' },
  { code: 'telemedicine', da: 'Telemedicin', en: 'Telemedicine' },
  { code: 'training', da: 'Træning', en: 'Training' },
  { code: 'acute-ambulant', da: 'Akut ambulant', en: 'Acute ambulant' },
  { code: 'extended-care-responsibility', da: 'Udvidet behandlingsansvar', en: 'Extended care responsibility' },
  { code: 'other', da: 'Andet', en: 'Other' },
] as const;

export type CareCommunicationCategory = (typeof careCommunicationCategories)[number]['code'];

export const careCommunicationCategoryCodes = careCommunicationCategories.map((c) => c.code) as [CareCommunicationCategory, ...CareCommunicationCategory[]];
