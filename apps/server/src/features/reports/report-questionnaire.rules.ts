import type { ReportTable } from '@samkraft/contracts/reports';
import { NO_ANSWERS, type AnswerCounts, type HomeAnswerCounts } from './report-courses.repository.ts';
import { byName, col, row, suppressCross, table, type Municipality } from './report-table.rules.ts';

/**
 * The questionnaire at closing per home municipality (issue 13.5): each closing conversation of
 * the period by what became of its questionnaire — answered by the citizen on their own phone,
 * entered by staff, did not want to answer, sent to the citizen and not answered, not asked.
 */

const PARTS = ['answeredByCitizen', 'answeredByStaff', 'declined', 'awaitingCitizen', 'notAsked'] as const satisfies readonly (keyof AnswerCounts)[];

/** The counts of every municipality added up (the indicators read the whole). */
export function totalAnswers(rows: readonly AnswerCounts[]): AnswerCounts {
  const total: AnswerCounts = { ...NO_ANSWERS };
  for (const r of rows) for (const k of Object.keys(total) as (keyof AnswerCounts)[]) total[k] += r[k];
  return total;
}

export function questionnaireTable(municipalities: readonly Municipality[], rows: readonly HomeAnswerCounts[], suppress: boolean): ReportTable {
  const cellsOf = (c: AnswerCounts) => [...PARTS.map((k) => c[k]), c.conversations];
  const list = byName(municipalities).map((m) => row(m.code, m.name, cellsOf(rows.find((r) => r.home === m.code) ?? NO_ANSWERS)));
  const total = row('total', 'I alt', cellsOf(totalAnswers(rows)), { total: true });
  const t = table(
    'questionnaire',
    'Spørgeskema ved den afsluttende samtale: hvem svarede',
    'Hjemkommune',
    [
      col('answeredByCitizen', 'Besvaret af borgeren selv'),
      col('answeredByStaff', 'Indtastet af medarbejder'),
      col('declined', 'Ville ikke svare'),
      col('awaitingCitizen', 'Sendt til borgeren, ikke besvaret'),
      col('notAsked', 'Ikke spurgt'),
      col('conversations', 'Afsluttende samtaler i alt'),
    ],
    [...list, total],
    [
      'Afsluttende samtaler holdt i perioden. Borgeren svarer på egen telefon under "Spørgeskema" i borgerens sider, eller medarbejderen indtaster svarene ved samtalen. Svar fra før borgeren kunne svare selv tælles som indtastet af medarbejder.',
    ],
  );
  return suppress ? suppressCross(t, [0, 1, 2, 3, 4, 5]) : t;
}
