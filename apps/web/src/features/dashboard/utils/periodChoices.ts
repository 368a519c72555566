/** The dashboard's period choices: the last two calendar years (to the end of this one) or one year. */
export type PeriodChoice = 'lastTwoYears' | `${number}`;

export function periodOfChoice(choice: PeriodChoice, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  if (choice === 'lastTwoYears') return { from: `${year - 1}-01-01`, to: `${year}-12-31` };
  return { from: `${choice}-01-01`, to: `${choice}-12-31` };
}

/** The years offered: this one and the four before. */
export function yearsOffered(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [0, 1, 2, 3, 4].map((i) => year - i);
}
