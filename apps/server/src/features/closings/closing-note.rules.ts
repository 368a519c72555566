import { isoDateParts } from '@samkraft/contracts/typed';
/**
 * The Danish draft of the closing note (afslutningsnotat) to the GP and, where relevant, the
 * hospital department: composed from the course's facts, the latest action plan, the
 * interventions and their status notes, and the closing conversation. Pure; the contact person
 * edits the text before it is saved and sent.
 */

export type NoteGoalStatus = 'open' | 'reached' | 'partly_reached' | 'not_reached' | 'dropped';

export type ClosingNoteFacts = {
  citizenName: string;
  municipalityName: string;
  contactPersonName: string | null;
  /** The citizen's GP clinic, the note's recipient; null only when it is really not known. */
  gp: { name: string; ydernummer: string | null; sorCode: string | null; address: string | null } | null;
  receivedOn: string;
  diagnosis: { code: string; title: string | null } | null;
  plan: {
    version: number;
    agreedOn: string;
    difficultiesAndNeeds: string;
    purposeAndContent: string;
    /** Each goal's latest status (`statusRecordedOn`: when judged at a follow-up or the closing). */
    goals: { ordinal: number; description: string; status: string; statusRecordedOn: string | null }[];
    responsibilities: { part: string; responsible: string }[];
  } | null;
  interventions: {
    id: string;
    kind: string;
    interventionName: string;
    providerMunicipalityName: string;
    startedOn: string | null;
    endedOn: string | null;
    endReason: string | null;
    providerDecision: string | null;
    attended: number | null;
  }[];
  statusNotes: { crossReferralId: string; kind: string; writtenOn: string; body: string; attendanceCount: number | null; goalsReached: string | null }[];
  conversation: { heldOn: string; evaluation: string; planOnward: string | null; citizenExperience: string | null } | null;
  endAssessment: { assessedOn: string; scaleScore: number | null } | null;
};

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** 4. marts 2026 */
/** The GP clinic as one line: name, ydernummer and SOR code, address. */
export function gpClinicLine(gp: { name: string; ydernummer: string | null; sorCode: string | null; address: string | null }): string {
  const numbers = [gp.ydernummer ? `ydernr. ${gp.ydernummer}` : null, gp.sorCode ? `SOR ${gp.sorCode}` : null].filter(Boolean).join(', ');
  return [numbers ? `${gp.name} (${numbers})` : gp.name, gp.address].filter(Boolean).join(', ');
}

export function danishLongDate(iso: string): string {
  const [y, m, d] = isoDateParts(iso);
  return `${d}. ${MONTHS[m - 1] ?? ''} ${y}`;
}

const GOAL_STATUS_DA: Record<string, string> = {
  open: 'ikke vurderet',
  reached: 'nået',
  partly_reached: 'delvist nået',
  not_reached: 'ikke nået',
  dropped: 'opgivet',
};

const END_REASON_DA: Record<string, string> = {
  completed: 'gennemført',
  dropped_out: 'afbrudt af borgeren',
  health_worsened: 'afbrudt, da helbredet blev forværret',
  died: 'afsluttet, borgeren er død',
  moved: 'afsluttet, borgeren er flyttet',
  other: 'afsluttet af anden grund',
};

const NOTE_KIND_DA: Record<string, string> = {
  start: 'Startnotat',
  end: 'Slutnotat',
  significant_change: 'Statusnotat om væsentlig ændring i helbredet',
  other_interventions_needed: 'Statusnotat om behov for andre indsatser',
  extra_support_needed: 'Statusnotat om behov for ekstra støtte',
};

const KIND_DA: Record<string, string> = {
  cross_municipal: '',
  home: ' (i hjemkommunen)',
  temporary_home: ' (midlertidigt tilbud i hjemkommunen)',
  free_choice_outside: ' (frit valg uden for samarbejdet)',
};

function interventionLine(x: ClosingNoteFacts['interventions'][number]): string {
  const where = `${x.interventionName}, ${x.providerMunicipalityName} Kommune${KIND_DA[x.kind] ?? ''}`;
  if (x.providerDecision === 'declined') return `- ${where}: afvist af den udførende kommune.`;
  const parts: string[] = [];
  if (x.startedOn) parts.push(`startet ${danishLongDate(x.startedOn)}`);
  else parts.push('ikke startet');
  if (x.endedOn) parts.push(`afsluttet ${danishLongDate(x.endedOn)} (${END_REASON_DA[x.endReason ?? 'other'] ?? 'afsluttet'})`);
  else if (x.startedOn) parts.push('ikke afsluttet');
  if (x.attended !== null) parts.push(`fremmøde ${x.attended} ${x.attended === 1 ? 'gang' : 'gange'}`);
  return `- ${where}: ${parts.join(', ')}.`;
}

function statusNoteLines(n: ClosingNoteFacts['statusNotes'][number], interventionName: string): string[] {
  const lines = [`- ${NOTE_KIND_DA[n.kind] ?? 'Statusnotat'}, ${interventionName}, ${danishLongDate(n.writtenOn)}: ${n.body.trim()}`];
  if (n.attendanceCount !== null) lines.push(`  Fremmøde: ${n.attendanceCount} ${n.attendanceCount === 1 ? 'gang' : 'gange'}.`);
  if (n.goalsReached?.trim()) lines.push(`  Mål nået: ${n.goalsReached.trim()}`);
  return lines;
}

/** The draft as plain text: headed sections separated by blank lines. */
export function composeClosingNote(f: ClosingNoteFacts): string {
  const sections: string[][] = [];

  const intro = [`Afslutningsnotat vedrørende kræftrehabilitering for ${f.citizenName}.`];
  const referred = `Borgeren blev henvist til ${f.municipalityName} Kommune ${danishLongDate(f.receivedOn)}`;
  intro.push(f.diagnosis ? `${referred} med diagnosen ${f.diagnosis.code}${f.diagnosis.title ? ` ${f.diagnosis.title}` : ''}.` : `${referred}.`);
  intro.push(`Egen læge: ${f.gp ? gpClinicLine(f.gp) : 'Ikke oplyst'}.`);
  if (f.contactPersonName) intro.push(`Kontaktperson: ${f.contactPersonName}.`);
  sections.push(intro);

  if (f.plan) {
    const plan = [`Handleplan (version ${f.plan.version}, aftalt ${danishLongDate(f.plan.agreedOn)})`, `Vanskeligheder og behov: ${f.plan.difficultiesAndNeeds.trim()}`, `Formål og indhold: ${f.plan.purposeAndContent.trim()}`];
    if (f.plan.goals.length > 0) {
      plan.push('Mål:');
      for (const g of f.plan.goals) {
        const judged = g.statusRecordedOn ? ` (vurderet ${danishLongDate(g.statusRecordedOn)})` : '';
        plan.push(`${g.ordinal}. ${g.description.trim()} – ${GOAL_STATUS_DA[g.status] ?? g.status}${judged}`);
      }
    }
    if (f.plan.responsibilities.length > 0) {
      plan.push('Ansvarlige:');
      for (const r of f.plan.responsibilities) plan.push(`- ${r.part.trim()}: ${r.responsible.trim()}`);
    }
    sections.push(plan);
  } else {
    sections.push(['Handleplan', 'Der er ikke lavet en handleplan i forløbet.']);
  }

  sections.push(['Indsatser', ...(f.interventions.length > 0 ? f.interventions.map(interventionLine) : ['Borgeren er ikke henvist til indsatser i forløbet.'])]);

  const names = new Map(f.interventions.map((x) => [x.id, x.interventionName]));
  const ordered = [...f.statusNotes.filter((n) => n.kind === 'end'), ...f.statusNotes.filter((n) => n.kind !== 'end')];
  if (ordered.length > 0) {
    sections.push(['Statusnotater fra de udførende kommuner', ...ordered.flatMap((n) => statusNoteLines(n, names.get(n.crossReferralId) ?? 'indsats'))]);
  }

  if (f.conversation) {
    const c = f.conversation;
    const conv = [`Afsluttende samtale (${danishLongDate(c.heldOn)})`, `Evaluering: ${c.evaluation.trim()}`];
    if (c.citizenExperience?.trim()) conv.push(`Borgerens oplevelse af forløbet: ${c.citizenExperience.trim()}`);
    if (f.endAssessment) {
      const score = f.endAssessment.scaleScore === null ? '' : `, borgerens egen vurdering ${f.endAssessment.scaleScore} på en skala fra 0 til 10`;
      conv.push(`Afsluttende behovsvurdering ${danishLongDate(f.endAssessment.assessedOn)}${score}.`);
    }
    sections.push(conv);
    sections.push(['Plan fremover', c.planOnward?.trim() ? c.planOnward.trim() : 'Ingen yderligere plan aftalt.']);
  } else {
    sections.push(['Afsluttende samtale', 'Den afsluttende samtale er ikke registreret endnu.']);
  }

  sections.push([`Med venlig hilsen`, `${f.contactPersonName ?? 'Kontaktpersonen'}, ${f.municipalityName} Kommune`]);
  return sections.map((s) => s.join('\n')).join('\n\n');
}
