/**
 * The code lists of the KL Gateway delivery reports: §140 genoptræning (`kl.dk.fhir.rehab` 2.2.0)
 * and §119 forebyggelse (`kl.dk.fhir.prevention` 2.1.0), with their displays from kl-term. Copied
 * from refdata/fhir/kl-gateway/kl_gateway_codes.json (membership from the IGs' FSH); the test
 * beside this file compares every list with that file. Codes are case-sensitive UUIDs.
 */

export const klSystems = {
  careSocial: 'http://fhir.kl.dk/term/CodeSystem/CareSocialCodes',
  fsiii: 'urn:oid:1.2.208.176.2.21',
  sksD: 'urn:oid:1.2.208.176.2.4.12',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  localInterventions: 'http://gateway.kl.dk/1.0/CodeSystem/LocallyDefinedInterventions',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
} as const;

/** The two legal bases KL Gateway takes reports for: Sundhedsloven §140 and §119. */
export const klLegalBases = ['SUL140', 'SUL119'] as const;
export type KlLegalBasis = (typeof klLegalBases)[number];

export type KlCode = { readonly code: string; readonly display: string };

/**
 * What an intervention code's invariant says of `CarePlan.basedOn` (the forløb it belongs to):
 * `required` — klgateway-1xx-intervention-1; `absent` — klgateway-1xx-intervention-2.
 */
export type KlBasedOnRule = 'required' | 'absent' | 'optional';
export type KlInterventionCode = KlCode & { readonly basedOn: KlBasedOnRule };

/** Level-2 FSIII interventions: ValueSets KLTrainingInterventionsFSIII (§140) and KLInterventionCodes119. */
export const klInterventionCodes = {
  SUL140: [
    { code: '1130ad70-6553-490d-87f8-5e8941687a0c', display: 'Terapeutfaglig udredning', basedOn: 'absent' },
    { code: '2abe20c7-c0b4-41c1-b397-52acf36499ef', display: 'Fysisk træning', basedOn: 'required' },
    { code: '2c661159-1bb3-4af2-bdf1-f3a9927a99e2', display: 'Kognitiv træning', basedOn: 'required' },
    { code: '571fa7da-a155-4a84-b780-ef19170d48a0', display: 'Opfølgning', basedOn: 'optional' },
    { code: '58293f63-00d7-4730-8dbc-c784d40f9e23', display: 'Funktionstræning', basedOn: 'required' },
    { code: '66fb32c9-ecc3-484b-be49-f20094be237c', display: 'Vejledning og undervisning', basedOn: 'required' },
    { code: '7f825e3e-1a5c-4249-bf41-9f7171fb6b8a', display: 'ADL-træning', basedOn: 'required' },
    { code: '8d714c98-f23a-4722-8a2f-85c162fe4840', display: 'Psykomotorisk træning', basedOn: 'required' },
    { code: 'ba3e17bd-d4aa-4848-acad-25adc8285c19', display: 'Koordinering og kommunikation', basedOn: 'absent' },
    { code: 'f8ac963c-6ec5-4ec5-bd90-a22fea4e2d16', display: 'Manuel behandling', basedOn: 'required' },
  ],
  SUL119: [
    { code: '01a500f6-c221-4fd0-b518-cd361218b60d', display: 'Madlavning i praksis', basedOn: 'required' },
    { code: '03a3ebdb-9e2d-4be1-b32b-42f0bd2a3362', display: 'Afsluttende samtale', basedOn: 'absent' },
    { code: '61692d91-69b8-4830-9453-3d58454e49d3', display: 'Færdighedstræning', basedOn: 'required' },
    { code: '6d24992e-e0a2-43e7-bc27-0234622a8655', display: 'Nikotin- og tobaksafvænning', basedOn: 'optional' },
    { code: '6eddbaf7-2a73-49d4-91e7-6138d419f58c', display: 'Afklarende samtale', basedOn: 'absent' },
    { code: '924e9828-84cf-4689-9551-0ebb6dc71b98', display: 'Samtale om alkohol', basedOn: 'required' },
    { code: 'ab87c0b5-40be-4e0a-b749-d9f833bfed2d', display: 'Fysisk træning', basedOn: 'required' },
    { code: 'abe847e0-1ce0-44dc-a675-ce05b66f47e6', display: 'Vejledning og introduktion til fysiske aktiviteter', basedOn: 'required' },
    { code: 'c9a99304-1788-43b7-b7be-e187b092ae9c', display: 'Kostvejledning', basedOn: 'required' },
    { code: 'cf7a55c2-7061-47ed-b7c5-e29620fe93bf', display: 'Diætbehandling', basedOn: 'required' },
    { code: 'd1e016b5-150a-4ac4-97ba-d3e19e28471e', display: 'Opfølgning', basedOn: 'required' },
    { code: 'e71b7d85-5c78-49c2-8624-8499d162317b', display: 'Sygdomshåndtering', basedOn: 'required' },
    { code: 'ee5606ac-1bed-487e-aa3c-72dcc30ec037', display: 'Behovssamtale', basedOn: 'absent' },
    { code: 'f30cab6d-2a42-4358-99d7-811127fb6e05', display: 'Mental håndtering', basedOn: 'required' },
  ],
} as const satisfies Record<KlLegalBasis, readonly KlInterventionCode[]>;

/** FSIII conditions (tilstande): ValueSets Conditions140 and KLConditionCodes119. */
export const klConditionCodes = {
  SUL140: [
    { code: '2bd07f7c-e6bb-424b-ab8f-f7c1de2afe80', display: 'Lave mad' },
    { code: 'b53bca74-fd3f-4127-89ae-1a39d7836b93', display: 'Lave husligt arbejde' },
    { code: 'bd088375-65fc-4e1d-9a8b-78dc918e6581', display: 'Indkøb' },
    { code: '86e1982c-f459-4658-9071-e4bf3453a687', display: 'Forflytte sig' },
    { code: 'dd41df82-3c13-4523-b9c5-e83676425299', display: 'Mobilitet og bevægelse' },
    { code: '243ae4ae-4e36-4192-88cb-399711ac3766', display: 'Personlig pleje' },
    { code: '290baa56-5d8c-40a6-b40c-1de05649f0d1', display: 'Spise og drikke' },
    { code: '6a2c3341-c13e-4638-961d-72ba0fe29a80', display: 'Sundhedskompetence' },
    { code: '064f983b-5ec5-40a3-bc90-c3fcec6b6ef5', display: 'Kommunikation' },
    { code: '1d9759c6-6526-4d07-994a-5dee3fa65177', display: 'Energi og handlekraft' },
    { code: '56860429-eabe-4d48-b8ad-d7f7b28f6df5', display: 'Hukommelse' },
    { code: 'b16668ff-9c02-491e-b082-7b699d93f5bc', display: 'Kognitive funktioner' },
    { code: '263a2c2f-7ae2-4264-8808-7e8216b1a118', display: 'Sår og cicatriser' },
    { code: '26b05040-94f3-4c8c-9ede-c7223bddf518', display: 'Respiration og cirkulation' },
    { code: '3c685f14-5d48-4b1c-a451-9da780e2b41c', display: 'Sanser og smerter' },
    { code: 'bbc99471-a9f3-41f1-a95b-6842abfb551a', display: 'Kontinens' },
    { code: 'c6f49b84-58af-43df-bb3e-0d6a67fa0aba', display: 'Bevægeapparat' },
  ],
  SUL119: [
    { code: '43f0b6da-11da-4eed-b00b-19b2177690b5', display: 'Håndtere genstande' },
    { code: '880cdd75-c63a-44a0-a4e4-8209644c8628', display: 'Kontinens' },
    { code: 'abc0b770-d080-4cc8-851a-aa62556730e6', display: 'Mobilitet og bevægelse' },
    { code: 'c0ee1cf6-47a9-4523-8fda-a80a13e28e30', display: 'Ernæring' },
    { code: 'e33396bb-019a-4fda-b901-1dbfdea1fc10', display: 'Respiration' },
    { code: 'e3ff3fea-a4ff-4c7b-ad04-f4aad2e67fd3', display: 'Cirkulation' },
    { code: 'e7531532-7b7f-4ac0-863a-0b6a4cbe6ce2', display: 'Smerte' },
    { code: 'febbd20d-f5ff-41e7-bf12-dfa0700678e0', display: 'Vægt' },
    { code: '08042057-72f4-4798-a727-75ce6205dc86', display: 'Sociale relationer' },
    { code: 'fab34c19-4805-45af-b961-56099c849744', display: 'Daglige aktiviteter' },
    { code: '1a34ed6c-083b-451f-b8c8-137f99126b0c', display: 'Tobak og nikotin' },
    { code: '57b8979f-cf46-4312-aafa-3a0dd93aa921', display: 'Alkohol' },
    { code: 'bb7e9e71-73f6-4ec6-a0bf-eaec1e5982b4', display: 'Sundhedskompetence' },
    { code: 'f0b62265-6c83-4239-af97-4d6e9ba9dea7', display: 'Medicin og stoffer' },
    { code: 'f1f1eee3-a3ea-4ca1-bfa9-ebb381af1a1f', display: 'Fysisk aktivitet' },
    { code: 'f715168e-125b-4d00-8e93-2ca4147ed13f', display: 'Spisemønster' },
    { code: '0520a107-2bb0-47b8-8856-c53e27607e51', display: 'Kognitiv funktion' },
    { code: '43ad3091-f684-4d6f-8885-20ecd1cf2255', display: 'Kropspfattelse' },
    { code: 'ba083ca7-fe46-41d0-acd5-85851ac8137f', display: 'Trivsel' },
    { code: 'cb55874a-93d9-45c7-a25a-8ff677c24385', display: 'Søvn og hvile' },
  ],
} as const satisfies Record<KlLegalBasis, readonly KlCode[]>;

/** ServiceRequest.code: ServiceTypes140 / ServiceTypes119, one code each. */
export const klServiceTypes = {
  SUL140: { code: '7fc66c15-0cb3-4c89-9e18-f3a01e6a6592', display: 'Kommunal genoptræning efter sygehusophold' },
  SUL119: { code: 'a71921ea-fe83-441d-933b-cc21d0b3c8c3', display: 'Kommunal Sundhedsfremme og forebyggelse' },
} as const satisfies Record<KlLegalBasis, KlCode>;

/** §140 ServiceRequest.category (the GGOP's type; basal/avanceret qualify almen). */
export const klGgopCategories = {
  almen: { code: 'ffd81f78-352e-4589-a195-5350dd1df2a4', display: 'Almen' },
  basal: { code: '8b962281-2ab6-4b10-9c91-4bac592d6d49', display: 'Basal' },
  avanceret: { code: 'b679c454-2da2-46dd-9425-0e52d4aa2bf3', display: 'Avanceret' },
  specialiseret: { code: '0c8e2bfc-1350-45d1-90da-c07e2645d073', display: 'Specialiseret' },
  rehabilitering: { code: '83c89857-8fb8-4163-97b1-eb1a56345c29', display: 'Rehabilitering' },
} as const satisfies Record<string, KlCode>;

/** §140 ServiceRequest status reasons (ValueSet ServiceRequestStatusReasons140; kl-term spells "kommmune"). */
export const klServiceRequestStatusReasons = {
  otherMunicipality: { code: 'f64b8f5e-8ced-4a8b-ab73-8994fb524915', display: 'Anden kommmune' },
  postponed: { code: 'a8632e22-bf0c-4f5a-92a7-70977ba104d5', display: 'Udskudt' },
  freeChoice: { code: '3796fa11-305f-47d6-b164-45b05489afb2', display: 'Frit valg' },
  error: { code: '8ac7be88-5d16-4dbd-a61a-ab02673f4b34', display: 'Fejl' },
  freeChoiceDeclined: { code: '46a6bc1f-bfe8-4390-a71f-44ad4a384b9d', display: 'Frit valg afslået' },
} as const satisfies Record<string, KlCode>;

/** CarePlan (forløb) categories: CarePlanCategories140 / CarePlanCategories119. */
export const klCarePlanCategories = {
  SUL140: {
    intervention: { code: 'f15b2663-94d9-4d0c-a5de-d8bd8e1e4ebb', display: 'Interventionsforløb efter §140' },
    followUp: { code: '4863001e-14c7-4be8-a2da-e4f21a4b6ac4', display: 'Opfølgningsforløb efter §140' },
  },
  SUL119: {
    intervention: { code: '5c160c02-e858-4c1f-925a-71ed64844749', display: 'Interventionsforløb efter §119' },
    followUp: { code: '9791e55a-656f-47eb-8fd5-c4a06b0a4662', display: 'Opfølgningsforløb efter §119' },
  },
} as const satisfies Record<KlLegalBasis, Record<'intervention' | 'followUp', KlCode>>;

/** CarePlan.activity.detail.statusReason when cancelled or stopped (ValueSet CancellationTypes, both IGs). */
export const klCancellationTypes = {
  notNeededCitizen: { code: '4bbf6d6a-a1c6-41c2-b8c1-7352b7378adf', display: 'Ikke yderligere behov (borger-vurderet)' },
  notNeededProfessional: { code: 'a63b6aa6-7d56-4e67-a5b3-d73f6d262af5', display: 'Ikke yderligere behov (fagperson-vurderet)' },
  optedOut: { code: '3a5a72b7-addf-4857-b80c-04e4246e3072', display: 'Aktivt fravalg' },
  optedOutOtherIllness: { code: '0cd5734d-b663-47c6-a3da-6b14a937d144', display: 'Aktivt fravalg pga. anden sygdom' },
  optedOutTransportCost: { code: 'f8436c2e-af1c-44fe-939d-473b518dd01d', display: 'Aktivt fravalg pga. økonomi ifm. transport' },
  optedOutTransportLogistics: { code: '8371b769-4bfb-4ac8-b130-d91c54784a56', display: 'Aktivt fravalg pga. logistik ifm. transport' },
  optedOutOtherTraining: { code: 'a3f2bd01-078b-486e-81be-797d192ad7bd', display: 'Aktivt fravalg pga. anden træning' },
  eventEnds: { code: '82e99421-31da-4915-96ed-168ccfa1d20c', display: 'Hændelse medfører ophør' },
  noShow: { code: 'ef491570-7884-4acd-bcf7-43d6b2c64762', display: 'Borger har ikke henvendt sig eller er udeblevet' },
} as const satisfies Record<string, KlCode>;
export type KlCancellationType = keyof typeof klCancellationTypes;

/** activity.detail extension deliveryType (descendants of CareSocialCodes Leveringstype). */
export const klDeliveryTypes = {
  group: { code: '2865f123-15a7-4a36-a514-32ea37c400ca', display: 'Gruppebaseret indsats' },
  individual: { code: '8d12d74c-17da-47a7-a4fe-e69dbaec0a8c', display: 'Individuel indsats' },
  robot: { code: '34cdd6ab-3da9-49e8-84dc-1cbf683d4fcf', display: 'Robot leverer indsats' },
  digital: { code: '284857a4-5e91-499a-a001-64d7f0b7038a', display: 'Digital levering af indsats' },
} as const satisfies Record<string, KlCode>;
export type KlDeliveryType = keyof typeof klDeliveryTypes;

/** Encounter.class: the two KL codes (CareSocialCodes) beside HL7 v3 ActEncounterCode. */
export const klEncounterClasses = {
  phone: { system: klSystems.careSocial, code: '1b55a4b0-1156-4f58-b2df-b5c6014d9048', display: 'Telefonisk' },
  screen: { system: klSystems.careSocial, code: '124be95d-6924-4609-9d2a-e7c73ae3ab3d', display: 'Skærmbesøg' },
  ambulatory: { system: klSystems.actCode, code: 'AMB', display: 'ambulatory' },
  home: { system: klSystems.actCode, code: 'HH', display: 'home health' },
  virtual: { system: klSystems.actCode, code: 'VR', display: 'virtual' },
} as const satisfies Record<string, KlCode & { system: string }>;

export const klInterventionCode = (basis: KlLegalBasis, code: string): KlInterventionCode | undefined =>
  (klInterventionCodes[basis] as readonly KlInterventionCode[]).find((c) => c.code === code);

export const klConditionCode = (basis: KlLegalBasis, code: string): KlCode | undefined => (klConditionCodes[basis] as readonly KlCode[]).find((c) => c.code === code);

/** Codes a catalogue intervention may take: those whose invariant allows (or asks for) a forløb — not the assessment, coordination or conversation codes. */
export const klMappableInterventionCodes = (basis: KlLegalBasis): readonly KlInterventionCode[] => (klInterventionCodes[basis] as readonly KlInterventionCode[]).filter((c) => c.basedOn !== 'absent');
