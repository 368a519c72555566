import type { InterventionListItem } from '@samkraft/contracts/catalogue';

export type InterventionFilter = { text: string; hostCode: string | null };

function normalise(value: string): string {
  return value.toLocaleLowerCase('da').normalize('NFC');
}

/** Keeps interventions whose names or target group contain the text and that the host offers. */
export function filterInterventions(items: readonly InterventionListItem[], filter: InterventionFilter): InterventionListItem[] {
  const words = normalise(filter.text).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (filter.hostCode && !item.hosts.some((h) => h.code === filter.hostCode)) return false;
    const haystack = normalise([item.nameDa, item.nameEn, item.targetTextDa ?? ''].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}
