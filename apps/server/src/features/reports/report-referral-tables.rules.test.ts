import { describe, expect, it } from 'vitest';
import { totalsByHome } from './report-referral-tables.rules.ts';
import type { HomeCounts } from './report-referrals.repository.ts';

const zero = { referred: 0, offered: 0, servedElsewhere: 0, referredOn: 0, assessed: 0, declined: 0, declinedNotRelevant: 0, declinedTooFar: 0, declinedAlreadyInHomeCourse: 0, declinedOther: 0 };
const rowOf = (home: string, bucket: string, counts: Partial<HomeCounts>): HomeCounts => ({ home, bucket, ...zero, ...counts });

describe('totals by home municipality', () => {
  it('adds up every count of the half-years per home, one row each for the whole span', () => {
    const totals = totalsByHome([
      rowOf('0159', '2024-1', { referred: 3, offered: 2, declinedTooFar: 1 }),
      rowOf('0151', '2024-1', { referred: 1, assessed: 1 }),
      rowOf('0159', '2024-2', { referred: 4, offered: 1, servedElsewhere: 2, referredOn: 2, declined: 1, declinedOther: 1 }),
    ]);
    expect(totals).toEqual([
      rowOf('0159', '', { referred: 7, offered: 3, servedElsewhere: 2, referredOn: 2, declined: 1, declinedTooFar: 1, declinedOther: 1 }),
      rowOf('0151', '', { referred: 1, assessed: 1 }),
    ]);
  });

  it('leaves the rows it was given untouched, and gives nothing for nothing', () => {
    const input = [rowOf('0159', '2024-1', { referred: 3 }), rowOf('0159', '2024-2', { referred: 1 })];
    totalsByHome(input);
    expect(input[0]?.referred).toBe(3);
    expect(totalsByHome([])).toEqual([]);
  });
});
