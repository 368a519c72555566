/**
 * Benchmark results: each row is a measure on a data set, ours against its floor measured in the
 * same run, kept in bench/results.json (so a run of one benchmark updates only its rows) and
 * written out as the table in bench/RESULTS.md with the machine it ran on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchRoot } from './datasets.ts';

export type ResultRow = {
  /** What is measured, e.g. "worklist, contact person, p95". */
  measure: string;
  /** The data set and database, e.g. "nine × 10 y, PGlite". */
  size: string;
  ours: number;
  floor: number;
  unit: 'ms' | 'req/s' | 'rows/s' | 'kB' | 's';
  /** What the floor is. */
  floorIs: string;
  /** The target as text, and whether it was met. */
  target: string;
  met: boolean;
  /** Runs behind the figure, and anything a reader should know. */
  note: string;
  at: string;
};

const jsonFile = path.join(benchRoot, 'results.json');
const mdFile = path.join(benchRoot, 'RESULTS.md');

function load(): ResultRow[] {
  try {
    return JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as ResultRow[];
  } catch {
    return [];
  }
}

/** The ratio as the table shows it: ours/floor for times, floor/ours turned around for rates. */
export function ratioText(r: ResultRow): string {
  if (r.unit === 'req/s' || r.unit === 'rows/s') return `${((r.ours / r.floor) * 100).toFixed(0)} % of floor`;
  return `${(r.ours / r.floor).toFixed(2)}×`;
}

const fmt = (v: number, unit: ResultRow['unit']) => (unit === 'ms' ? `${v.toFixed(v < 10 ? 2 : 0)} ms` : unit === 's' ? `${v.toFixed(2)} s` : unit === 'kB' ? `${v.toFixed(0)} kB` : `${Math.round(v).toLocaleString('en')} ${unit}`);

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function record(rows: ResultRow[], extra: { postgres?: string } = {}): void {
  const all = load().filter((old) => !rows.some((r) => r.measure === old.measure && r.size === old.size));
  all.push(...rows);
  const order = (r: ResultRow) => `${r.measure}|${r.size}`;
  all.sort((a, b) => order(a).localeCompare(order(b)));
  fs.writeFileSync(jsonFile, `${JSON.stringify(all, null, 1)}\n`);
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (see bench/run.ts). Every figure is measured against its floor **in',
    'the same run** (alternating, medians or percentiles over the runs named in the note), so the',
    'ratio holds even when the machine is busy; the absolute numbers are for orientation only.',
    '',
    `Last run on: ${machine()}${extra.postgres ? `; PostgreSQL ${extra.postgres}` : ''}.`,
    '',
    '| measure | data set | ours | floor | ratio | target | met | floor is | note | run at |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...all.map((r) => `| ${r.measure} | ${r.size} | ${fmt(r.ours, r.unit)} | ${fmt(r.floor, r.unit)} | ${ratioText(r)} | ${r.target} | ${r.met ? 'yes' : '**no**'} | ${r.floorIs} | ${r.note} | ${r.at.slice(0, 16).replace('T', ' ')} |`),
    '',
  ];
  fs.writeFileSync(mdFile, lines.join('\n'));
}
