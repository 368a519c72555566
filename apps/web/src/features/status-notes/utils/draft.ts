import type { ProviderGoalStatus, StatusNoteKind } from '@samkraft/contracts/status-notes';
import { lowerLabel, vocabularyDa } from '../../../i18n/vocabulary.ts';

export type DraftFacts = {
  interventionName: string;
  attendanceCount: number;
  enrolmentStartOn: string | null;
  goals: readonly { description: string; status: ProviderGoalStatus }[];
};

/** The statuses as words in running text ("nået"), from the one list the screens use. */
const goalStatusDa = (s: ProviderGoalStatus) => lowerLabel(vocabularyDa.goalStatuses[s], 'da');

/** `2026-11-20` → `20.11.2026`, the Danish way of writing a date in running text. */
function danishDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * A first Danish draft of a note for the provider to edit: the note goes to the home
 * municipality in Danish whatever language the writer's screen is in.
 */
export function statusNoteDraft(kind: StatusNoteKind, f: DraftFacts): string {
  switch (kind) {
    case 'start': {
      const on = f.enrolmentStartOn ? ` den ${danishDate(f.enrolmentStartOn)}` : '';
      const goals = f.goals.map((g) => g.description).join('; ');
      return goals ? `Borgeren er startet på ${f.interventionName}${on}. Aftalte mål: ${goals}.` : `Borgeren er startet på ${f.interventionName}${on}.`;
    }
    case 'end': {
      const times = f.attendanceCount === 1 ? '1 gang' : `${f.attendanceCount} gange`;
      const goals = f.goals.map((g) => `${g.description} (${goalStatusDa(g.status)})`).join('; ');
      return `Forløbet på ${f.interventionName} er afsluttet. Borgeren har deltaget ${times}.${goals ? ` Mål: ${goals}.` : ''}`;
    }
    case 'significant_change':
      return 'Der er sket en væsentlig ændring i borgerens situation: ';
    case 'other_interventions_needed':
      return 'Vi vurderer, at borgeren har behov for andre indsatser: ';
    case 'extra_support_needed':
      return 'Vi vurderer, at borgeren har behov for ekstra støtte: ';
  }
}

/** The goals-reached field's first draft: the reached goals, named. */
export function goalsReachedDraft(goals: DraftFacts['goals']): string {
  return goals
    .filter((g) => g.status === 'reached' || g.status === 'partly_reached')
    .map((g) => `${g.description} (${goalStatusDa(g.status)})`)
    .join('; ');
}
