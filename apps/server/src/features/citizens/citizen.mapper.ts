/** How a citizen is named on screen: `DDMMYY-SSSS`, or the pseudonym of a synthetic citizen. */
export function citizenIdentifier(c: { cpr: string | null; pseudonym: string | null }): string {
  if (c.cpr) return `${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`;
  return c.pseudonym ?? '';
}

export function citizenName(c: { givenName: string; familyName: string }): string {
  return `${c.givenName} ${c.familyName}`.trim();
}
