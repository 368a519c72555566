/**
 * The official MedCom test persons (refdata/cpr/dkcore_medcom_test_patients.json, never invented)
 * that the demo does not use, each given to the one browser test that registers them as a new
 * citizen. The run shares one server (global-setup.ts), so a person registered by one file is
 * no longer new to the next: no two tests on the shared server may use the same person.
 * All are registered by Gladsaxe's contact person, so they become citizens of Gladsaxe.
 */
export type NewTestCitizen = {
  /** `DDMMYY-SSSS`. */
  cpr: string;
  givenName: string;
  familyName: string;
  /** The birth date as the intake form writes it ("Ny borger, født …"). */
  bornDanish: string;
  addressLine: string;
  /** The test file that registers them on the shared server. */
  usedBy: string;
};

export const NEW_CITIZENS = {
  rasmus: { cpr: '050490-9989', givenName: 'Rasmus Test', familyName: 'Lauridsen', bornDanish: '5. 4. 1990', addressLine: 'Testgrusgraven 3, 10.th', usedBy: 'referral-intake.test.ts' },
  muhammed: { cpr: '100705-9995', givenName: 'Muhammed Test', familyName: 'Abdul', bornDanish: '10. 7. 2005', addressLine: 'Testvej 4', usedBy: 'home-municipality-journey.test.ts' },
  aage: { cpr: '021122-3989', givenName: 'Åge Test', familyName: 'Berggren', bornDanish: '2. 11. 1922', addressLine: 'Testvej 7', usedBy: 'gp-clinic.test.ts' },
  // Also the person of cross-municipal-journey.test.ts, which runs on a server of its own.
  pia: { cpr: '050505-9996', givenName: 'Pia Test', familyName: 'Berggren', bornDanish: '5. 5. 2005', addressLine: 'Testvej 6', usedBy: 'contact-details.test.ts' },
  gitte: { cpr: '050510-9990', givenName: 'Gitte Nancy Test', familyName: 'Berggren', bornDanish: '5. 5. 2010', addressLine: 'Testvej 8', usedBy: 'cross-referral-inbox.test.ts' },
  lars: { cpr: '050515-9995', givenName: 'Lars Test', familyName: 'Berggren', bornDanish: '5. 5. 2015', addressLine: 'Testvej 10', usedBy: 'status-notes.test.ts' },
  bo: { cpr: '021215-9995', givenName: 'Bo Test', familyName: 'Vestergaard', bornDanish: '2. 12. 2015', addressLine: 'Testvejen 251', usedBy: 'hospital-notifications.test.ts' },
  rikke: { cpr: '050520-9996', givenName: 'Rikke Test', familyName: 'Berggren', bornDanish: '5. 5. 2020', addressLine: 'Testvej 12', usedBy: 'correspondence.test.ts' },
  aya: { cpr: '050523-9996', givenName: 'Aya Test', familyName: 'Berggren', bornDanish: '5. 5. 2023', addressLine: 'Testpark Allé 48', usedBy: 'preparation-form.test.ts' },
  ali: { cpr: '310122-9995', givenName: 'Ali Test', familyName: 'Jensen', bornDanish: '31. 1. 2022', addressLine: 'Testvej 14', usedBy: 'citizen-appointments.test.ts' },
  // Also signs in as a citizen (the demo identity provider) to see his relative and documents.
  dreng: { cpr: '130624-9995', givenName: 'Dreng Test', familyName: 'Levendefødt', bornDanish: '13. 6. 2024', addressLine: 'Testvej 14', usedBy: 'relatives-and-documents.test.ts' },
  pige: { cpr: '131016-9996', givenName: 'Pige Test', familyName: 'Levendefødt', bornDanish: '13. 10. 2016', addressLine: 'Testvej 14', usedBy: 'access-log.test.ts' },
  // Runs on a server of its own (citizen-sign-in.test.ts used to sign him in on the shared server as a person Samkraft does not know).
  drengQ: { cpr: '131016-9995', givenName: 'Dreng Test', familyName: 'Levendefødt', bornDanish: '13. 10. 2016', addressLine: 'Testvej 14', usedBy: 'closing-questionnaire.test.ts' },
  pige2024: { cpr: '130624-9996', givenName: 'Pige Test', familyName: 'Levendefødt', bornDanish: '13. 6. 2024', addressLine: 'Testvej 16', usedBy: 'citizen-journey.test.ts' },
  // Never stored: the intake refuses her referral.
  juliane: { cpr: '111010-9996', givenName: 'Juliane Test', familyName: 'Jørgensen', bornDanish: '11. 10. 2010', addressLine: 'Testvej 9', usedBy: 'field-errors.test.ts' },
} as const satisfies Record<string, NewTestCitizen>;

export const fullName = (p: NewTestCitizen) => `${p.givenName} ${p.familyName}`;
