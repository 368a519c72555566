import { describe, expect, it } from 'vitest';
import { composeClosingNote, danishLongDate, type ClosingNoteFacts } from './closing-note.rules.ts';

const facts: ClosingNoteFacts = {
  citizenName: 'Syntetisk Testborger',
  municipalityName: 'Gladsaxe',
  contactPersonName: 'Karen Kontakt',
  gp: { name: 'Lægehuset Testvej', ydernummer: '079741', sorCode: null, address: 'Testvej 1, 2860 Søborg' },
  receivedOn: '2026-03-02',
  diagnosis: { code: 'DC61', title: 'Kræft i blærehalskirtel' },
  plan: {
    version: 2,
    agreedOn: '2026-03-16',
    difficultiesAndNeeds: 'Inkontinens; nedsat kondition',
    purposeAndContent: 'Bækkenbundstræning på hold',
    goals: [
      { ordinal: 1, description: 'Kunne gå en tur uden uheld', status: 'reached', statusRecordedOn: '2026-07-10' },
      { ordinal: 2, description: 'Cykle til arbejde', status: 'partly_reached', statusRecordedOn: null },
    ],
    responsibilities: [{ part: 'Koordinering', responsible: 'Karen Kontakt, kontaktperson' }],
  },
  interventions: [
    {
      id: 'x1',
      kind: 'cross_municipal',
      interventionName: 'Bækkenbundstræning',
      providerMunicipalityName: 'Egedal',
      startedOn: '2026-04-01',
      endedOn: '2026-06-30',
      endReason: 'completed',
      providerDecision: 'accepted',
      attended: 25,
    },
    { id: 'x2', kind: 'temporary_home', interventionName: 'Individuel træning', providerMunicipalityName: 'Gladsaxe', startedOn: null, endedOn: null, endReason: null, providerDecision: null, attended: null },
  ],
  statusNotes: [
    { crossReferralId: 'x1', kind: 'start', writtenOn: '2026-04-01', body: 'Startet på holdet.', attendanceCount: null, goalsReached: null },
    { crossReferralId: 'x1', kind: 'end', writtenOn: '2026-06-30', body: 'Forløbet er gennemført.', attendanceCount: 25, goalsReached: 'Går 30 minutter uden pause.' },
  ],
  conversation: { heldOn: '2026-07-10', evaluation: 'Målene er nået.', planOnward: 'Fortsætter i lokal forening.', citizenExperience: 'Glad for holdet.' },
  endAssessment: { assessedOn: '2026-07-10', scaleScore: 8 },
};

describe('composeClosingNote', () => {
  it('composes every section in Danish from the course records', () => {
    expect(composeClosingNote(facts)).toBe(
      [
        'Afslutningsnotat vedrørende kræftrehabilitering for Syntetisk Testborger.',
        'Borgeren blev henvist til Gladsaxe Kommune 2. marts 2026 med diagnosen DC61 Kræft i blærehalskirtel.',
        'Egen læge: Lægehuset Testvej (ydernr. 079741), Testvej 1, 2860 Søborg.',
        'Kontaktperson: Karen Kontakt.',
        '',
        'Handleplan (version 2, aftalt 16. marts 2026)',
        'Vanskeligheder og behov: Inkontinens; nedsat kondition',
        'Formål og indhold: Bækkenbundstræning på hold',
        'Mål:',
        '1. Kunne gå en tur uden uheld – nået (vurderet 10. juli 2026)',
        '2. Cykle til arbejde – delvist nået',
        'Ansvarlige:',
        '- Koordinering: Karen Kontakt, kontaktperson',
        '',
        'Indsatser',
        '- Bækkenbundstræning, Egedal Kommune: startet 1. april 2026, afsluttet 30. juni 2026 (gennemført), fremmøde 25 gange.',
        '- Individuel træning, Gladsaxe Kommune (midlertidigt tilbud i hjemkommunen): ikke startet.',
        '',
        'Statusnotater fra de udførende kommuner',
        '- Slutnotat, Bækkenbundstræning, 30. juni 2026: Forløbet er gennemført.',
        '  Fremmøde: 25 gange.',
        '  Mål nået: Går 30 minutter uden pause.',
        '- Startnotat, Bækkenbundstræning, 1. april 2026: Startet på holdet.',
        '',
        'Afsluttende samtale (10. juli 2026)',
        'Evaluering: Målene er nået.',
        'Borgerens oplevelse af forløbet: Glad for holdet.',
        'Afsluttende behovsvurdering 10. juli 2026, borgerens egen vurdering 8 på en skala fra 0 til 10.',
        '',
        'Plan fremover',
        'Fortsætter i lokal forening.',
        '',
        'Med venlig hilsen',
        'Karen Kontakt, Gladsaxe Kommune',
      ].join('\n'),
    );
  });

  it('says plainly what is missing: no GP, no plan, no interventions, no conversation yet', () => {
    const text = composeClosingNote({ ...facts, diagnosis: null, contactPersonName: null, gp: null, plan: null, interventions: [], statusNotes: [], conversation: null, endAssessment: null });
    expect(text).toBe(
      [
        'Afslutningsnotat vedrørende kræftrehabilitering for Syntetisk Testborger.',
        'Borgeren blev henvist til Gladsaxe Kommune 2. marts 2026.',
        'Egen læge: Ikke oplyst.',
        '',
        'Handleplan',
        'Der er ikke lavet en handleplan i forløbet.',
        '',
        'Indsatser',
        'Borgeren er ikke henvist til indsatser i forløbet.',
        '',
        'Afsluttende samtale',
        'Den afsluttende samtale er ikke registreret endnu.',
        '',
        'Med venlig hilsen',
        'Kontaktpersonen, Gladsaxe Kommune',
      ].join('\n'),
    );
  });

  it('names a declined intervention and an early end with one attendance', () => {
    const text = composeClosingNote({
      ...facts,
      interventions: [
        { ...facts.interventions[0]!, endReason: 'health_worsened', attended: 1 },
        { ...facts.interventions[0]!, id: 'x3', providerDecision: 'declined', interventionName: 'Livskraft', providerMunicipalityName: 'Ballerup' },
      ],
      conversation: { ...facts.conversation!, planOnward: null },
    });
    expect(text).toContain('- Bækkenbundstræning, Egedal Kommune: startet 1. april 2026, afsluttet 30. juni 2026 (afbrudt, da helbredet blev forværret), fremmøde 1 gang.');
    expect(text).toContain('- Livskraft, Ballerup Kommune: afvist af den udførende kommune.');
    expect(text).toContain('Plan fremover\nIngen yderligere plan aftalt.');
  });

  it('writes Danish long dates', () => {
    expect(danishLongDate('2026-12-01')).toBe('1. december 2026');
  });
});
