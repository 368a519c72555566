import type { KlExportMode, KlLeftOutReason } from '@samkraft/contracts/kl-gateway';
import type { KlLegalBasis } from '@samkraft/contracts/kl-gateway-codes';

/** Texts of the KL Gateway page; `en` has the same shape. */
export const da = {
  title: 'KL Gateway',
  intro:
    'Indberetning af kommunal genoptræning (sundhedsloven § 140) og sundhedsfremme og forebyggelse (§ 119) til KL Gateway: én indberetningsrapport pr. borger med det, der er nyt eller ændret siden sidste indberetning. Filen uploades til KL Gateway.',
  bases: { SUL140: '§ 140 genoptræning', SUL119: '§ 119 forebyggelse' } satisfies Record<KlLegalBasis, string>,
  export: {
    title: 'Lav indberetning',
    intro: 'Borgere med henvisning efter lovgrundlaget, hvis forløb var åbent i perioden. Rapporterne viser forløbet, som det stod på periodens sidste dag.',
    basis: 'Lovgrundlag',
    from: 'Fra',
    to: 'Til og med',
    full: 'Alt igen',
    fullHint: 'Send alle borgernes oplysninger igen med samme id’er, fx hvis en fil gik tabt.',
    submit: 'Lav indberetningsfil',
    done: 'Filen er hentet. Den er også skrevet i listen herunder.',
  },
  list: {
    title: 'Tidligere indberetninger',
    empty: 'Ingen indberetninger endnu.',
    columns: { createdAt: 'Lavet', basis: 'Lovgrundlag', period: 'Periode', by: 'Lavet af', reported: 'Indberettet', unchanged: 'Uændret', leftOut: 'Udeladt' },
    period: '{{from}} – {{to}}',
    modes: { incremental: 'nyt og ændret', full: 'alt igen' } satisfies Record<KlExportMode, string>,
  },
  latest: {
    title: 'Seneste indberetning',
    summary: '{{reported}} borgere indberettet, {{unchanged}} uden nyt, {{leftOut}} udeladt.',
    leftOutTitle: 'Udeladte borgere',
    course: 'Forløb',
    openCourse: 'Åbn forløbet',
    reasons: {
      no_cpr: 'Intet CPR-nummer (pseudonymiseret)',
      replacement_cpr: 'Erstatnings-CPR-nummer: KL Gateway tager kun CPR-numre',
      missing_discharge_date: 'Genoptræningsplanen mangler udskrivningsdato (henvisning modtaget {{detail}})',
      requester_without_sor: 'Genoptræningsplanen har ingen henvisende afdeling med SOR-kode (henvisning modtaget {{detail}})',
      provider_without_sor: 'Den udførende kommune ({{detail}}) mangler SOR-kode til KL Gateway',
      invariant_failed: 'Rapporten overholder ikke KL’s regler ({{detail}})',
    } satisfies Record<KlLeftOutReason, string>,
    unmappedInterventions: 'Indsatser uden FSIII-kode for lovgrundlaget: {{codes}}',
    unmappedItems: 'Emner uden FSIII-tilstand for lovgrundlaget: {{codes}}',
  },
  sor: {
    title: 'SOR-koder',
    intro: 'Den journalførende enhed står på hver borger i rapporten; den udførende enhed på kommunens indsatser (tom: den journalførende).',
    columns: { municipality: 'Kommune', custodian: 'Journalførende enhed (SOR)', unit: 'Udførende enhed (SOR)' },
    save: 'Gem',
    saved: 'Gemt.',
    readOnly: 'Kun administratorer og kommunens ledere kan ændre SOR-koderne.',
  },
  codes: {
    none: 'Indberettes ikke',
    adminOnly: 'Kun administratorer kan ændre koderne.',
    saved: 'Gemt.',
    choose: '{{basis}}: {{name}}',
  },
  interventions: {
    title: 'FSIII-indsatser for katalogets indsatser',
    intro: 'Hver indsats i kataloget indberettes som en indsats på niveau 3 (lokalt defineret) med den FSIII-indsats på niveau 2, der vælges her.',
    columns: { name: 'Indsats' },
  },
  items: {
    title: 'FSIII-tilstande for behovsvurderingens emner',
    intro: 'Problemer fundet ved behovsvurderingen indberettes som den FSIII-tilstand, der vælges her. Flere emner kan have samme tilstand.',
    columns: { name: 'Emne' },
  },
};

export const en: typeof da = {
  title: 'KL Gateway',
  intro:
    'Reporting municipal rehabilitation (Health Act § 140) and health promotion and prevention (§ 119) to KL Gateway: one delivery report per citizen with what is new or changed since the last delivery. The file is uploaded to KL Gateway.',
  bases: { SUL140: '§ 140 rehabilitation', SUL119: '§ 119 prevention' },
  export: {
    title: 'Make a delivery',
    intro: "Citizens referred under the legal basis whose course was open in the period. The reports show the course as it stood on the period's last day.",
    basis: 'Legal basis',
    from: 'From',
    to: 'To (inclusive)',
    full: 'Everything again',
    fullHint: "Send all the citizens' information again under the same ids, e.g. when a file was lost.",
    submit: 'Make the delivery file',
    done: 'The file has been downloaded. It is also listed below.',
  },
  list: {
    title: 'Earlier deliveries',
    empty: 'No deliveries yet.',
    columns: { createdAt: 'Made', basis: 'Legal basis', period: 'Period', by: 'Made by', reported: 'Reported', unchanged: 'Unchanged', leftOut: 'Left out' },
    period: '{{from}} – {{to}}',
    modes: { incremental: 'new and changed', full: 'everything again' },
  },
  latest: {
    title: 'Latest delivery',
    summary: '{{reported}} citizens reported, {{unchanged}} with nothing new, {{leftOut}} left out.',
    leftOutTitle: 'Citizens left out',
    course: 'Course',
    openCourse: 'Open the course',
    reasons: {
      no_cpr: 'No CPR number (pseudonymised)',
      replacement_cpr: 'A replacement CPR number: KL Gateway takes CPR numbers only',
      missing_discharge_date: 'The rehabilitation plan has no discharge date (referral received {{detail}})',
      requester_without_sor: 'The rehabilitation plan has no referring department with a SOR code (referral received {{detail}})',
      provider_without_sor: 'The providing municipality ({{detail}}) has no SOR code for KL Gateway',
      invariant_failed: "The report does not meet KL's rules ({{detail}})",
    },
    unmappedInterventions: 'Interventions without an FSIII code for the legal basis: {{codes}}',
    unmappedItems: 'Items without an FSIII condition for the legal basis: {{codes}}',
  },
  sor: {
    title: 'SOR codes',
    intro: "The custodian unit is on every citizen of the report; the delivering unit on the municipality's interventions (empty: the custodian).",
    columns: { municipality: 'Municipality', custodian: 'Custodian unit (SOR)', unit: 'Delivering unit (SOR)' },
    save: 'Save',
    saved: 'Saved.',
    readOnly: "Only administrators and the municipality's leads can change the SOR codes.",
  },
  codes: {
    none: 'Not reported',
    adminOnly: 'Only administrators can change the codes.',
    saved: 'Saved.',
    choose: '{{basis}}: {{name}}',
  },
  interventions: {
    title: "FSIII interventions for the catalogue's interventions",
    intro: 'Each intervention of the catalogue is reported as a level-3 (locally defined) intervention with the level-2 FSIII intervention chosen here.',
    columns: { name: 'Intervention' },
  },
  items: {
    title: "FSIII conditions for the needs assessment's items",
    intro: 'Problems found in the needs assessment are reported as the FSIII condition chosen here. Several items may share a condition.',
    columns: { name: 'Item' },
  },
};
