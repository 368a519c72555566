import type { HospitalStayKind } from '@samkraft/contracts/hospital-notifications';

/** Texts of hospital notifications (advis om sygehusophold); `en` has the same shape. */
export const da = {
  stay: {
    since: { admitted: 'Indlagt siden {{date}}', emergency: 'Akut ambulant siden {{date}}' } satisfies Record<HospitalStayKind, string>,
    onLeave: 'På orlov fra sygehuset siden {{date}}.',
    source: 'Fra sygehusets advis om sygehusophold. Flaget forsvinder, når sygehuset melder borgeren udskrevet.',
  },
  death: {
    title: 'Sygehuset har meddelt, at borgeren er død',
    notified: 'Meddelt {{date}} i sygehusets advis om sygehusophold.',
    notifiedFrom: 'Meddelt {{date}} af {{department}} i sygehusets advis om sygehusophold.',
    next: 'Kontrollér oplysningen, og registrér dødsfaldet under »Dødsfald«. Indtil da er forløbet åbent, og borgeren står stadig på holdlisterne.',
    link: 'Gå til Dødsfald',
  },
  team: { atHospital: 'Indlagt', atHospitalHint: 'Borgeren er på sygehuset og kommer ikke til holdet lige nu.' },
  setting: {
    title: 'Advis om sygehusophold',
    intro:
      'Sygehusene sender en advis, når en borger indlægges, går på orlov eller udskrives. Samkraft svarer altid sygehuset (kvittering), men bruger kun advisen, hvis kommunen har valgt det: så vises indlæggelsen på borgerens forløb og som fravær på holdlisten.',
    legal:
      'Slået fra som standard: advis udveksles efter retssikkerhedslovens § 12 c til omsorgsopgaver efter serviceloven og opfølgning på sygedagpenge. Genoptræning efter sundhedslovens § 140 og forebyggelse efter § 119 er ikke tydeligt omfattet. Slå det kun til efter kommunens egen juridiske vurdering som dataansvarlig.',
    label: 'Brug advis om sygehusophold i {{municipality}}',
    on: 'Slået til',
    off: 'Slået fra',
    changed: 'Sidst ændret {{date}} af {{name}}.',
    never: 'Aldrig slået til.',
    adminOnly: 'Kun administratorer kan ændre indstillingen, efter kommunens beslutning.',
    savedOn: 'Advis om sygehusophold bruges nu i {{municipality}}.',
    savedOff: 'Advis om sygehusophold bruges ikke længere i {{municipality}}. Gemte indlæggelser er slettet.',
  },
};

export const en: typeof da = {
  stay: {
    since: { admitted: 'Admitted since {{date}}', emergency: 'At hospital (acute) since {{date}}' },
    onLeave: 'On leave from hospital since {{date}}.',
    source: "From the hospital's notification. The flag goes when the hospital reports the discharge.",
  },
  death: {
    title: 'The hospital has reported that the citizen has died',
    notified: "Reported {{date}} in the hospital's notification.",
    notifiedFrom: "Reported {{date}} by {{department}} in the hospital's notification.",
    next: 'Check it, and record the death under “Death”. Until then the course stays open and the citizen is still on the team lists.',
    link: 'Go to Death',
  },
  team: { atHospital: 'At hospital', atHospitalHint: 'The citizen is at hospital and cannot come to the team just now.' },
  setting: {
    title: 'Hospital notifications',
    intro:
      'Hospitals send a notification when a citizen is admitted, goes on leave or is discharged. Samkraft always answers the hospital (acknowledgement), but uses the notification only if the municipality has chosen to: the admission is then shown on the citizen’s course and as an absence on the team list.',
    legal:
      'Off by default: the notifications are exchanged under the Legal Protection Act § 12 c for care under the Social Services Act and sickness benefit follow-up. Rehabilitation under the Health Act § 140 and prevention under § 119 are not clearly covered. Turn it on only after the municipality’s own legal assessment as data controller.',
    label: 'Use hospital notifications in {{municipality}}',
    on: 'On',
    off: 'Off',
    changed: 'Last changed {{date}} by {{name}}.',
    never: 'Never turned on.',
    adminOnly: "Only administrators can change this setting, on the municipality's decision.",
    savedOn: 'Hospital notifications are now used in {{municipality}}.',
    savedOff: 'Hospital notifications are no longer used in {{municipality}}. Stored admissions have been deleted.',
  },
};
