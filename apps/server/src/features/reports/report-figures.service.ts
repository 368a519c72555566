import type { ReportIndicator, ReportTable } from '@samkraft/contracts/reports';
import { recordOf } from '@samkraft/contracts/typed';
import type { Db } from '../../platform/database/database.ts';
import { deadlinesForCourses } from '../deadlines/deadline.service.ts';
import { classifyAssessmentDeadlines, indicators } from './report-course-tables.rules.ts';
import { questionnaireAnswers } from './report-courses.repository.ts';
import { halfYearsOf, sourceGroups, type Period } from './report-period.rules.ts';
import { totalAnswers } from './report-questionnaire.rules.ts';
import { flowTable } from './report-referral-tables.rules.ts';
import { countByHome, countBySource, countFlows, listMunicipalityNames } from './report-referrals.repository.ts';
import { sum } from './report-table.rules.ts';
import type { Scope } from './report.service.ts';

/**
 * The report's figures for the dashboard (issue 14.3), read by the report's own queries and rules:
 * the caller has resolved the scope (`resolveScope`) and audits its read. No table of the report
 * is computed a second way here.
 */

/** Referrals per half-year (`YYYY-1`, `YYYY-2`) and home municipality, in the report's one grouped query. */
export async function referralsPerHalfYear(db: Db, period: Period, codes: readonly string[]): Promise<{ home: string; bucket: string; referred: number }[]> {
  const rows = await countByHome(db, period, codes, 'half_year');
  return rows.map((r) => ({ home: r.home, bucket: r.bucket, referred: r.referred }));
}

/** The report's home → provider table (the flows between municipalities), suppressed as the report's. */
export async function flowsTableOf(db: Db, period: Period, scope: Scope, suppress: boolean): Promise<ReportTable> {
  const flows = await countFlows(db, period, scope.codes);
  const others = await listMunicipalityNames(db, [...new Set(flows.flatMap((f) => [f.home, f.provider]))]);
  const names = new Map([...scope.municipalities, ...others].map((m) => [m.code, m.name]));
  return flowTable(scope.municipalities, flows, (code) => names.get(code) ?? code, suppress);
}

/** Municipality names by code (any municipality, member or not). */
export async function municipalityNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  return new Map((await listMunicipalityNames(db, codes)).map((m) => [m.code, m.name]));
}

export type HalfYearIndicators = { label: string; period: Period; indicators: ReportIndicator[] };

/**
 * The five indicators of each half-year of the period, by the report's rules. The rises (1 and 3)
 * compare with the same half-year a year before when the period holds it. The deadline engine
 * reads each half-year's courses once, so the half-years together read each course once.
 */
export async function indicatorsPerHalfYear(db: Db, period: Period, codes: readonly string[], asOf: string, suppress: boolean): Promise<HalfYearIndicators[]> {
  const result: HalfYearIndicators[] = [];
  const figures: { referred: number; referredOn: number }[] = [];
  for (const [i, h] of halfYearsOf(period).entries()) {
    const counts = await countByHome(db, h, codes);
    const sources = await countBySource(db, h, codes);
    const deadlines = await deadlinesForCourses(db, { kind: 'received', from: h.from, to: h.to, homes: [...codes] }, asOf, { only: 'course_own' });
    const answers = await questionnaireAnswers(db, h, codes);
    const referred = sum(counts.map((c) => c.referred));
    const referredOn = sum(counts.map((c) => c.referredOn));
    const yearBefore = figures[i - 2] ?? null;
    figures.push({ referred, referredOn });
    const list = indicators(
      {
        referred,
        compareReferred: yearBefore?.referred ?? null,
        referredOn,
        compareReferredOn: yearBefore?.referredOn ?? null,
        bySource: recordOf(sourceGroups, (s) => sum(sources.filter((x) => x.source === s).map((x) => x.referrals))),
        deadlines: classifyAssessmentDeadlines([...deadlines.values()]),
        answers: totalAnswers(answers),
      },
      suppress,
    );
    result.push({ label: h.label, period: { from: h.from, to: h.to }, indicators: list });
  }
  return result;
}
