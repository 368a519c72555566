import type { Deadline } from '@samkraft/contracts/deadlines';
import type { ReportIndicator, ReportTable } from '@samkraft/contracts/reports';
import type { AnswerCounts, CompletenessRecord, CourseLengthRecord, PotentialRecord } from './report-courses.repository.ts';
import { quartersOf, sourceGroups, yearFraction, type Period } from './report-period.rules.ts';
import { byName, col, hide, row, share, sum, suppressSmall, table, type Municipality } from './report-table.rules.ts';
import { isSmall } from './suppression.rules.ts';

/** Course length (report Table 7), the indicators (note §11 Table 7), coverage and completeness. */

const round = (v: number, decimals: number): number => Math.round(v * 10 ** decimals) / 10 ** decimals;

export function courseLengthTable(records: readonly CourseLengthRecord[], nameOf: (code: string) => string, suppress: boolean): ReportTable {
  const sorted = [...records].sort((a, b) => a.interventionName.localeCompare(b.interventionName, 'da') || nameOf(a.provider).localeCompare(nameOf(b.provider), 'da'));
  const rows = sorted.map((r) =>
    row(`${r.intervention}:${r.provider}`, `${r.interventionName} — ${nameOf(r.provider)}`, [r.courses, r.min, r.max, r.mean === null ? null : round(r.mean, 2), r.unknown]),
  );
  const t = table(
    'course_length',
    'Længde på forløb (antal fremmøder) fordelt på indsats og udførende kommune',
    'Indsats — udførende kommune',
    [col('courses', 'Antal borgere'), col('min', 'Min.'), col('max', 'Maks.'), col('mean', 'Gennemsnit', 'decimal'), col('unknown', 'Ukendt længde')],
    rows,
    ['Indsatser afsluttet i perioden. Længden er fremmøder registreret på hold, ellers det antal fremmøder, der er indberettet; uden nogen af delene er længden ukendt.'],
  );
  if (!suppress) return t;
  // Min, max and mean of fewer than five citizens would show their courses: hidden with the count.
  const mask = t.rows.map((r) => {
    const few = isSmall(r.cells[0] ?? 0);
    return r.cells.map((v, j) => (j < 4 ? few : v !== null && isSmall(v)));
  });
  return hide(t, mask);
}

/** Indicator 2's deadlines, sorted: the initial needs assessment of each course of the period. */
export type AssessmentDeadlineCounts = { onTime: number; onTimePaused: number; late: number; paused: number; pending: number; notApplicable: number };

export function classifyAssessmentDeadlines(perCourse: readonly (readonly Deadline[])[]): AssessmentDeadlineCounts {
  const c: AssessmentDeadlineCounts = { onTime: 0, onTimePaused: 0, late: 0, paused: 0, pending: 0, notApplicable: 0 };
  for (const deadlines of perCourse) {
    const d = deadlines.find((x) => x.kind === 'initial_assessment');
    if (!d) {
      c.notApplicable++;
      continue;
    }
    switch (d.state) {
      case 'met':
        if (d.pausedWorkingDays > 0) c.onTimePaused++;
        else c.onTime++;
        break;
      case 'met_late':
      case 'overdue':
        c.late++;
        break;
      case 'paused':
        c.paused++;
        break;
      case 'open':
      case 'due_soon':
        c.pending++;
        break;
    }
  }
  return c;
}

export type IndicatorInput = {
  referred: number;
  compareReferred: number | null;
  referredOn: number;
  compareReferredOn: number | null;
  bySource: Record<(typeof sourceGroups)[number], number>;
  deadlines: AssessmentDeadlineCounts;
  answers: AnswerCounts;
};

const ASSESSMENT_TARGET = 0.9;
const MOST = 0.5;

/** Rising needs something to compare: nothing in either period (a new database) is no data, not a miss. */
function rise(value: number, compare: number | null): ReportIndicator['status'] {
  if (compare === null || (value === 0 && compare === 0)) return 'no_data';
  return value > compare ? 'met' : 'not_met';
}

function atLeast(value: number | null, target: number, strictly: boolean): ReportIndicator['status'] {
  if (value === null) return 'no_data';
  return (strictly ? value > target : value >= target) ? 'met' : 'not_met';
}

export function indicators(i: IndicatorInput, suppress: boolean): ReportIndicator[] {
  const d = i.deadlines;
  const decided = d.onTime + d.onTimePaused + d.late;
  const list: ReportIndicator[] = [
    { number: 1, label: 'Borgere, der starter et forløb (henviste)', target: 'Stiger hvert år', unit: 'count', value: i.referred, compareValue: i.compareReferred, targetValue: null, status: rise(i.referred, i.compareReferred), basis: null, citizenAnswers: null },
    {
      number: 2,
      label: 'Henviste, der får vurderet deres behov inden for fristen',
      target: '90 %',
      unit: 'share',
      value: share(d.onTime + d.onTimePaused, decided),
      compareValue: null,
      targetValue: ASSESSMENT_TARGET,
      status: atLeast(share(d.onTime + d.onTimePaused, decided), ASSESSMENT_TARGET, false),
      basis: decided,
      citizenAnswers: null,
    },
    { number: 3, label: 'Borgere henvist til tværkommunale indsatser', target: 'Stiger', unit: 'count', value: i.referredOn, compareValue: i.compareReferredOn, targetValue: null, status: rise(i.referredOn, i.compareReferredOn), basis: null, citizenAnswers: null },
    {
      number: 4,
      label: 'Adspurgte borgere, der er tilfredse med det samlede forløb',
      target: 'Hovedparten',
      unit: 'share',
      value: share(i.answers.satisfied, i.answers.satisfactionAnswered),
      compareValue: null,
      targetValue: MOST,
      status: atLeast(share(i.answers.satisfied, i.answers.satisfactionAnswered), MOST, true),
      basis: i.answers.satisfactionAnswered,
      citizenAnswers: i.answers.satisfactionByCitizen,
    },
    {
      number: 5,
      label: 'Adspurgte borgere, der oplever et positivt udbytte af det samlede forløb',
      target: 'Hovedparten',
      unit: 'share',
      value: share(i.answers.benefited, i.answers.benefitAnswered),
      compareValue: null,
      targetValue: MOST,
      status: atLeast(share(i.answers.benefited, i.answers.benefitAnswered), MOST, true),
      basis: i.answers.benefitAnswered,
      citizenAnswers: i.answers.benefitByCitizen,
    },
  ];
  if (!suppress) return list;
  // A share of fewer than five answers, or a count under five, is not published. The citizens'
  // own answers are hidden when they or the rest (staff's, the basis less them) are under five.
  return list.map((x) => {
    const small = x.unit === 'count' ? isSmall(x.value ?? 0) : isSmall(x.basis ?? 0);
    const compareSmall = x.compareValue !== null && isSmall(x.compareValue);
    const value = small ? null : x.value;
    const compareValue = compareSmall ? null : x.compareValue;
    return {
      ...x,
      value,
      compareValue,
      basis: small ? null : x.basis,
      citizenAnswers: citizenAnswersShown(x, small),
      status: small || compareSmall ? 'no_data' : x.status,
    };
  });
}

function citizenAnswersShown(x: ReportIndicator, basisHidden: boolean): number | null {
  if (x.citizenAnswers === null) return null;
  return basisHidden || isSmall(x.citizenAnswers) || isSmall((x.basis ?? 0) - x.citizenAnswers) ? null : x.citizenAnswers;
}

const STATUS_TEXT: Record<ReportIndicator['status'], string> = { met: 'Opfyldt', not_met: 'Ikke opfyldt', no_data: 'Ingen data' };

const SOURCE_LABELS: Record<(typeof sourceGroups)[number], string> = { gp: 'almen praksis', other: 'andet (kommunal, selvhenvist, anden)', hospital_gop: 'hospital (genoptræningsplan)', hospital_ref01: 'hospital (REF01)' };

export function indicatorTable(list: readonly ReportIndicator[], i: IndicatorInput, suppress: boolean): ReportTable {
  const rows = list.flatMap((x) => {
    const main = row(`indicator_${x.number}`, `${x.number}. ${x.label}`, x.unit === 'count' ? [x.value, null, x.compareValue, null] : [x.basis, x.value, null, x.targetValue], {
      note: `${STATUS_TEXT[x.status]} (mål: ${x.target})`,
    });
    if (x.number === 1) return [main, ...sourceGroups.map((s) => row(`indicator_1_${s}`, `– heraf fra ${SOURCE_LABELS[s]}`, [i.bySource[s], null, null, null]))];
    // Indicators 4 and 5: how many of the answers the citizens gave on their own phone (issue 13.5).
    if (x.number === 4 || x.number === 5) return [main, row(`indicator_${x.number}_citizen`, '– heraf besvaret af borgeren selv på egen telefon', [x.citizenAnswers, null, null, null])];
    if (x.number !== 2) return [main];
    const d = i.deadlines;
    const parts: [keyof AssessmentDeadlineCounts, string][] = [
      ['onTime', '– vurderet inden for fristen'],
      ['onTimePaused', '– vurderet inden for fristen, fristen har været sat på pause'],
      ['late', '– vurderet for sent eller fristen overskredet'],
      ['paused', '– fristen står på pause nu (vises for sig)'],
      ['pending', '– fristen er ikke udløbet endnu'],
      ['notApplicable', '– ingen frist (forløbet afsluttet eller fravalgt før fristen)'],
    ];
    return [main, ...parts.map(([k, label]) => row(`indicator_2_${k}`, label, [d[k], null, null, null]))];
  });
  const t = table('indicators', 'Indikatorer (notatets tabel 7) mod målene', 'Indikator', [col('count', 'Antal'), col('share', 'Andel', 'share'), col('compare', 'Sammenligningsperiode'), col('target', 'Mål', 'share')], rows, [
    'Indikator 2 bruger samme fristberegning som arbejdslisten: den indledende behovsvurdering inden for fristen, i andel af de afgjorte frister.',
    'Indikator 4 og 5: svar 4 eller 5 på en skala fra 1 til 5 ved den afsluttende samtale — besvaret af borgeren selv på egen telefon eller indtastet af medarbejderen ved samtalen.',
  ]);
  if (!suppress) return t;
  // The citizens' own answers hidden by the indicators' rule (they, or the staff's rest, under five).
  const citizenHidden = t.rows.map((r) => r.cells.map((v, j) => j === 0 && v === null && /^indicator_[45]_citizen$/.test(r.key)));
  return hide(suppressSmall(t, [0, 2]), citizenHidden);
}

export function coverageTable(municipalities: readonly Municipality[], referredOf: (code: string) => number, potentials: readonly PotentialRecord[], period: Period, suppress: boolean): ReportTable {
  const fraction = yearFraction(period);
  const list = byName(municipalities);
  const rows = list.map((m) => {
    const p = potentials.find((x) => x.municipalityCode === m.code);
    const referred = referredOf(m.code);
    if (!p) return row(m.code, m.name, [referred, null, null, null], { note: 'Ingen tal for potentialet' });
    const potential = round(p.newCases * p.rehabShare * fraction, 1);
    return row(m.code, m.name, [referred, p.newCases, potential, share(referred, potential)], { note: `${p.year}: ${Math.round(p.rehabShare * 100)} % af nye kræfttilfælde` });
  });
  const known = rows.filter((r) => r.cells[2] !== null);
  const potentialTotal = round(sum(known.map((r) => r.cells[2] ?? 0)), 1);
  rows.push(
    row('total', 'I alt', [sum(rows.map((r) => r.cells[0] ?? 0)), sum(known.map((r) => r.cells[1] ?? 0)), potentialTotal, share(sum(known.map((r) => r.cells[0] ?? 0)), potentialTotal)], { total: true }),
  );
  const t = table(
    'coverage',
    'Henviste i forhold til potentialet for kræftrehabilitering',
    'Kommune',
    [col('referred', 'Henviste'), col('newCases', 'Nye kræfttilfælde pr. år'), col('potential', 'Potentiale i perioden', 'decimal'), col('coverage', 'Dækning', 'share')],
    rows,
    ['Potentiale = forventede nye kræfttilfælde om året × andelen med behov for kommunal rehabilitering (ca. 40 %) × periodens længde i år. Kilde: Kræftens Bekæmpelse, Kommunale kræfttal 2016.'],
  );
  if (!suppress) return t;
  const mask = t.rows.map((r) => {
    const small = isSmall(r.cells[0] ?? 0);
    return r.cells.map((_, j) => small && (j === 0 || j === 3));
  });
  return hide(t, mask);
}

export function completenessTable(municipalities: readonly Municipality[], records: readonly CompletenessRecord[], period: Period, suppress: boolean): ReportTable {
  const quarters = quartersOf(period);
  const rows = byName(municipalities).flatMap((m) =>
    quarters.map((q) => {
      const r = records.find((x) => x.home === m.code && `${x.year}-Q${x.quarter}` === q.key);
      const cells = r ? [r.referrals, r.closedCompleted, r.missingAssessment, r.missingPlan, r.missingClosingConversation, r.unknownLength] : [0, 0, 0, 0, 0, 0];
      return row(`${m.code}:${q.key}`, `${m.name}, ${q.label}`, cells, { note: r ? null : 'Ingen data i kvartalet' });
    }),
  );
  const t = table(
    'completeness',
    'Datakomplethed pr. kommune og kvartal',
    'Kommune, kvartal',
    [
      col('referrals', 'Henvisninger'),
      col('closedCompleted', 'Afsluttede forløb'),
      col('missingAssessment', 'Uden indledende behovsvurdering'),
      col('missingPlan', 'Uden handleplan'),
      col('missingClosingConversation', 'Uden afsluttende samtale'),
      col('unknownLength', 'Indsatser uden kendt længde'),
    ],
    rows,
    ['Afsluttede forløb (afsluttet som gennemført), der mangler et trin. Kvartaler uden henvisninger vises med "Ingen data i kvartalet".'],
  );
  return suppress ? suppressSmall(t) : t;
}
