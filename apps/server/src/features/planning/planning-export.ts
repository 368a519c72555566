import type { PlanScenarioDto, PlanScenarioKey, PlanTransportDto, SavedScenarioDto } from '@samkraft/contracts/planning';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../platform/pdf/render-pdf.ts';
import { newWorkbook } from '../../platform/xlsx/new-workbook.ts';

/** A saved scenario as a file: the LP model, its solution as JSON, the comparison as XLSX or PDF. */

export type PlanFile = { filename: string; contentType: string; bytes: Buffer | string };

export const SCENARIO_LABEL_DA: Record<PlanScenarioKey, string> = {
  optimum: 'Optimum',
  hosting_2017: 'Placering 2017 (rapport Bilag 1)',
  figure1: 'Notatets model (Figur 1)',
  g_decentral: 'Bilag G: decentral, specialiseret',
  g_central_training: 'Bilag G: central almen træning',
  g_three_centres: 'Bilag G: tre centre',
};

const STATUS_DA: Record<string, string> = { optimal: 'optimal (bevist)', gap: 'løsning med gap', infeasible: 'ingen mulig løsning', no_solution: 'ingen løsning inden for tiden' };

const slug = (name: string) => name.replace(/[^A-Za-z0-9æøåÆØÅ_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenarie';

export function statusText(s: PlanScenarioDto): string {
  if (s.status === null) return 'vurderet';
  const base = STATUS_DA[s.status] ?? s.status;
  return s.status === 'gap' && s.gap !== null ? `${base} ${(s.gap * 100).toFixed(2)} %` : base;
}

const da = (v: number | null, digits = 1) => (v === null ? '–' : v.toLocaleString('da-DK', { maximumFractionDigits: digits }));

export const COMPARISON_COLUMNS = ['Scenarie', 'Status', 'Borgere/år', 'Uden tilbud', 'Borger-km', 'Km pr. borger', 'Længste tur (km)', 'Kørsel Bilag K (kr.)', 'Værter', 'Regler brudt'] as const;

export function comparisonRow(s: PlanScenarioDto): (string | number | null)[] {
  return [SCENARIO_LABEL_DA[s.key], statusText(s), s.citizens, s.unservedCitizens, s.citizenKm, s.kmPerCitizen, s.longestTripKm, s.transportCostDkk, s.hostCount, s.violations.length];
}

export async function planXlsx(saved: SavedScenarioDto): Promise<Buffer> {
  const workbook = await newWorkbook();
  const comparison = workbook.addWorksheet('Sammenligning');
  comparison.addRow([`Scenarie: ${saved.name}`]);
  comparison.addRow([`Løser: ${saved.result.solver}; gemt ${saved.createdAt}`]);
  comparison.addRow([...COMPARISON_COLUMNS]).font = { bold: true };
  for (const s of saved.result.scenarios) comparison.addRow(comparisonRow(s));
  const load = workbook.addWorksheet('Kommuner');
  load.addRow(['Scenarie', 'Kommune', 'Værter for', 'Borgere betjent/år', 'Leveret (sessioner)', 'Modtaget (sessioner)', 'Netto']).font = { bold: true };
  for (const s of saved.result.scenarios) for (const m of s.municipalities) load.addRow([SCENARIO_LABEL_DA[s.key], m.name, m.hosted.join(', '), m.citizensServed, m.delivered, m.received, m.net]);
  const flows = workbook.addWorksheet('Strømme');
  flows.addRow(['Scenarie', 'Indsats', 'Hjemkommune', 'Vært', 'Borgere/år', 'Km']).font = { bold: true };
  for (const s of saved.result.scenarios) for (const f of s.flows) flows.addRow([SCENARIO_LABEL_DA[s.key], f.interventionCode, f.home, f.host, f.citizens, f.km]);
  const rules = workbook.addWorksheet('Regler brudt');
  rules.addRow(['Scenarie', 'Regel']).font = { bold: true };
  for (const s of saved.result.scenarios) for (const v of s.violations) rules.addRow([SCENARIO_LABEL_DA[s.key], v]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Bilag K's assumptions and the thresholds in force, as the PDF states them under the comparison. */
export function transportText(t: PlanTransportDto): string {
  return `Kørsel efter bilag K (sundhedslovens § 140): ${da(t.gopShare * 100, 0)} % har en genoptræningsplan, ${da(t.pensionerShare * 100, 0)} % er pensionister, ${da(t.kmRateDkk, 2)} kr./km; godtgørelse over ${da(t.pensionerMinDkk, 0)} kr. (pensionister) eller ${da(t.nonPensionerMinDkk, 0)} kr. og over ${da(t.distanceKm, 0)} km (andre) tur-retur; tærsklerne gældende fra ${t.thresholdsFrom ?? '– (notatets 25/60 kr.)'}.`;
}

export async function planPdf(saved: SavedScenarioDto): Promise<Buffer> {
  const header: TableCell[] = COMPARISON_COLUMNS.slice(0, 9).map((text, i) => ({ text, bold: true, alignment: i < 2 ? 'left' : 'right' }));
  const rows: TableCell[][] = saved.result.scenarios.map((s) => comparisonRow(s).slice(0, 9).map((v, i): TableCell => ({ text: typeof v === 'number' ? da(v) : (v ?? '–'), alignment: i < 2 ? 'left' : 'right' })));
  const perScenario: Content[] = saved.result.scenarios.flatMap((s): Content[] => [
    { text: SCENARIO_LABEL_DA[s.key], style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', '*', 'auto', 'auto'],
        body: [
          [{ text: 'Kommune', bold: true }, { text: 'Værter for', bold: true }, { text: 'Borgere/år', bold: true, alignment: 'right' }, { text: 'Netto (sessioner)', bold: true, alignment: 'right' }],
          ...s.municipalities.map((m): TableCell[] => [m.name, { text: m.hosted.join(', '), fontSize: 7 }, { text: da(m.citizensServed), alignment: 'right' }, { text: da(m.net, 0), alignment: 'right' }]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
    ...(s.violations.length > 0 ? [{ text: `Regler brudt: ${s.violations.join('; ')}`, fontSize: 7, italics: true, margin: [0, 2, 0, 0] } as Content] : []),
  ]);
  return renderPdf({
    pageOrientation: 'landscape',
    info: { title: `Placering af indsatser – ${saved.name}` },
    styles: { h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] } },
    content: [
      { text: `Placering af indsatser – ${saved.name}`, style: 'h1' },
      { text: `${saved.result.municipalities.length} kommuner; løser ${saved.result.solver}; gemt ${saved.createdAt}. Borger-km: borgere om året × km (vejfaktor 1,3 × luftlinje mellem rådhuse/centroider).`, fontSize: 8 },
      { table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'], body: [header, ...rows] }, layout: 'lightHorizontalLines', fontSize: 8, margin: [0, 8, 0, 0] },
      ...(saved.result.transport ? [{ text: transportText(saved.result.transport), fontSize: 7, margin: [0, 4, 0, 0] } as Content] : []),
      ...perScenario,
    ],
  });
}

export async function planFile(saved: SavedScenarioDto, format: 'lp' | 'json' | 'xlsx' | 'pdf'): Promise<PlanFile> {
  const base = `placering-${slug(saved.name)}`;
  switch (format) {
    case 'lp':
      return { filename: `${base}.lp`, contentType: 'text/plain; charset=utf-8', bytes: saved.result.lp };
    case 'json':
      return { filename: `${base}-loesning.json`, contentType: 'application/json; charset=utf-8', bytes: JSON.stringify({ solver: saved.result.solver, solution: saved.result.solution, scenarios: saved.result.scenarios }, null, 2) };
    case 'xlsx':
      return { filename: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await planXlsx(saved) };
    case 'pdf':
      return { filename: `${base}.pdf`, contentType: 'application/pdf', bytes: await planPdf(saved) };
  }
}
