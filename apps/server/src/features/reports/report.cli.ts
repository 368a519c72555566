import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { reportFormat, reportQuery } from '@samkraft/contracts/reports';
import { systemClock } from '../../platform/clock.ts';
import { ConfigError } from '../../platform/config.ts';
import type { Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { exportReport, getReport } from './report.service.ts';

/**
 * `report --from 2017-01-01 --to 2017-12-31 [--municipalities 0159,0151] [--compare-from …
 * --compare-to …] [--suppress] --format xlsx|csv|pdf|json --out FILE`, as the system actor
 * `report-cli` (audited). Without --out, JSON and CSV go to standard output.
 */
export async function reportCommand(db: Db, args: string[]): Promise<{ written: string | null; text: string | null }> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      municipalities: { type: 'string' },
      'compare-from': { type: 'string' },
      'compare-to': { type: 'string' },
      suppress: { type: 'boolean' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
    },
  });
  const parsed = reportQuery.safeParse({
    from: values.from ?? '',
    to: values.to ?? '',
    ...(values.municipalities ? { municipalities: values.municipalities } : {}),
    ...(values['compare-from'] ? { compareFrom: values['compare-from'] } : {}),
    ...(values['compare-to'] ? { compareTo: values['compare-to'] } : {}),
    suppress: values.suppress ? 'true' : 'false',
  });
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`).join('; '));
  const ctx = { db, actor: { kind: 'system' as const, name: 'report-cli' }, clock: systemClock };
  try {
    if (values.format === 'json') {
      const text = `${JSON.stringify(await getReport(ctx, parsed.data), null, 2)}\n`;
      if (!values.out) return { written: null, text };
      await fs.writeFile(values.out, text);
      return { written: values.out, text: null };
    }
    const format = reportFormat.safeParse(values.format);
    if (!format.success) throw new ConfigError('--format must be xlsx, csv, pdf or json');
    if (!values.out && format.data !== 'csv') throw new ConfigError(`--out FILE is required for --format ${format.data}`);
    const file = await exportReport(ctx, parsed.data, format.data);
    if (!values.out) return { written: null, text: file.bytes.toString('utf8') };
    await fs.writeFile(values.out, file.bytes);
    return { written: values.out, text: null };
  } catch (err) {
    if (err instanceof AppError) throw new ConfigError([err.message, ...err.fields.map((f) => `${f.field}: ${f.message}`)].filter((x, i, all) => all.indexOf(x) === i).join('; '));
    throw err;
  }
}
