import { describe, expect, it } from 'vitest';
import { NO_ANSWERS } from './report-courses.repository.ts';
import { questionnaireTable, totalAnswers } from './report-questionnaire.rules.ts';

const municipalities = [
  { code: '0159', name: 'Gladsaxe' },
  { code: '0151', name: 'Ballerup' },
];
const gladsaxe = { ...NO_ANSWERS, home: '0159', conversations: 20, answeredByCitizen: 8, answeredByStaff: 7, declined: 2, awaitingCitizen: 1, notAsked: 2 };
const ballerup = { ...NO_ANSWERS, home: '0151', conversations: 12, answeredByCitizen: 0, answeredByStaff: 12 };

describe('the questionnaire table (who answered, per home municipality)', () => {
  it('gives each municipality by name and a total row that adds up', () => {
    const t = questionnaireTable(municipalities, [gladsaxe, ballerup], false);
    expect(t.rows.map((r) => [r.key, ...r.cells])).toEqual([
      ['0151', 0, 12, 0, 0, 0, 12],
      ['0159', 8, 7, 2, 1, 2, 20],
      ['total', 8, 19, 2, 1, 2, 32],
    ]);
    expect(totalAnswers([gladsaxe, ballerup]).answeredByCitizen).toBe(8);
  });
  it('shows a municipality without conversations as zeros', () => {
    expect(questionnaireTable(municipalities, [gladsaxe], false).rows[0]?.cells).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it('hides small numbers for publication so no total gives one away', () => {
    const t = questionnaireTable(municipalities, [gladsaxe, ballerup], true);
    for (const r of t.rows) for (const [j, v] of r.cells.entries()) if (!r.suppressed[j]) expect(v === 0 || v === null || v >= 5, `${r.key}:${j}`).toBe(true);
    // Every line (row or column) has none or at least two hidden cells.
    const hiddenIn = (cells: boolean[]) => cells.filter(Boolean).length;
    for (const r of t.rows) expect(hiddenIn(r.suppressed)).not.toBe(1);
    for (let j = 0; j < 6; j++) expect(hiddenIn(t.rows.map((r) => r.suppressed[j] === true))).not.toBe(1);
  });
});
