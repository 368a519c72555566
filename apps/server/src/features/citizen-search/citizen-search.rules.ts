/**
 * What a search for a citizen looks for: a whole CPR number (with or without the dash; a
 * replacement CPR may end in letters), or words of a name, each a part of the given or family
 * name in any case. Digits that are not a whole CPR number are refused: a search by part of a
 * CPR number would list strangers born on a date.
 */
export type CitizenSearchTerms = { by: 'cpr'; cpr: string } | { by: 'name'; patterns: string[] };

export type CitizenSearchRefusal = { code: 'invalid_format' | 'too_short'; message: string };

const CPR = /^(\d{6})-?([0-9A-Za-z]{4})$/;

/** A LIKE pattern matching `word` anywhere, its own `%`, `_` and `\` taken literally (escape `\`). */
export function containsPattern(word: string): string {
  return `%${word.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export function parseCitizenSearch(query: string): CitizenSearchTerms | CitizenSearchRefusal {
  const q = query.trim();
  const compact = q.replace(/\s+/g, '');
  const cpr = CPR.exec(compact);
  if (cpr && /^\d/.test(compact)) return { by: 'cpr', cpr: `${cpr[1]}${cpr[2]!.toUpperCase()}` };
  if (/^[\d\s-]+$/.test(q)) return { code: 'invalid_format', message: 'must be a whole CPR number (10 digits, with or without the dash) or a name' };
  const words = q.split(/\s+/).filter((w) => w.length > 0);
  if (words.join('').length < 2) return { code: 'too_short', message: 'must be at least 2 characters' };
  return { by: 'name', patterns: words.map(containsPattern) };
}
