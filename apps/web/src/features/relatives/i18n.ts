import type { RelativeRelation } from '@samkraft/contracts/relatives';

const relationDa: Record<RelativeRelation, string> = { partner: 'Ægtefælle/partner', child: 'Barn', parent: 'Forælder', sibling: 'Søskende', other_family: 'Anden familie', friend: 'Ven', other: 'Anden' };
const relationEn: Record<RelativeRelation, string> = { partner: 'Spouse/partner', child: 'Child', parent: 'Parent', sibling: 'Sibling', other_family: 'Other family', friend: 'Friend', other: 'Other' };

/** Texts of relatives (pårørende) on the course page and the session's attendance list; Danish is the source of the keys. */
export const da = {
  section: {
    title: 'Pårørende',
    description: 'Pårørende, som borgeren har givet samtykke til kan deltage i forløbet. Der registreres ikke CPR-nummer for pårørende.',
    none: 'Der er ikke registreret pårørende.',
    add: 'Tilføj pårørende',
    edit: 'Ret',
    end: 'Afslut',
    endOn: 'Sidste dag som deltager',
    confirmEnd: 'Afslut pårørende',
    cancel: 'Annullér',
    save: 'Gem',
    since: 'fra {{date}}',
    ended: 'afsluttet {{date}}',
    shared: 'Navnet må deles med den leverende kommune',
    notShared: 'Navnet deles ikke med den leverende kommune',
    consentOn: 'Samtykke givet {{date}}',
  },
  form: {
    legend: 'Pårørende',
    name: 'Navn',
    relation: 'Relation til borgeren',
    phone: 'Telefon',
    phoneHint: 'Valgfrit. Cifre og mellemrum, evt. med + foran.',
    consentToParticipate: 'Borgeren giver samtykke til, at den pårørende deltager i forløbet',
    consentToShareWithProvider: 'Borgeren giver samtykke til, at den pårørendes navn deles med den leverende kommune',
    consentGivenOn: 'Samtykke givet den',
    startsOn: 'Deltager fra',
  },
  relation: relationDa,
  session: {
    title: 'Pårørende',
    attended: 'Pårørende deltog: {{name}} ({{relation}})',
  },
};

export const en: typeof da = {
  section: {
    title: 'Relatives',
    description: 'Relatives the citizen has consented may take part in the course. No CPR number is kept for a relative.',
    none: 'No relatives are registered.',
    add: 'Add relative',
    edit: 'Edit',
    end: 'End',
    endOn: 'Last day taking part',
    confirmEnd: 'End relative',
    cancel: 'Cancel',
    save: 'Save',
    since: 'from {{date}}',
    ended: 'ended {{date}}',
    shared: 'The name may be shared with the providing municipality',
    notShared: 'The name is not shared with the providing municipality',
    consentOn: 'Consent given {{date}}',
  },
  form: {
    legend: 'Relative',
    name: 'Name',
    relation: 'Relation to the citizen',
    phone: 'Phone',
    phoneHint: 'Optional. Digits and spaces, a leading + allowed.',
    consentToParticipate: 'The citizen consents to the relative taking part in the course',
    consentToShareWithProvider: "The citizen consents to sharing the relative's name with the providing municipality",
    consentGivenOn: 'Consent given on',
    startsOn: 'Taking part from',
  },
  relation: relationEn,
  session: {
    title: 'Relatives',
    attended: 'Relative attended: {{name}} ({{relation}})',
  },
};
