import { parseArgs } from 'node:util';
import { z } from 'zod';
import { danishDate, systemClock } from '../../platform/clock.ts';
import { ConfigError } from '../../platform/config.ts';
import type { Db } from '../../platform/database/database.ts';
import { scaleSizes } from './scale-data.rules.ts';
import { generateSyntheticData } from './scale-data.service.ts';

const options = z.object({
  size: z.enum(scaleSizes, { error: `--size must be one of ${scaleSizes.join(', ')}` }),
  years: z.coerce.number({ error: '--years must be a number' }).int('--years must be a whole number').min(1, '--years must be 1 to 30').max(30, '--years must be 1 to 30'),
  seed: z.coerce.number().int('--seed must be a whole number').min(0).max(1_000_000).default(1),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '--today must be YYYY-MM-DD').optional(),
  homes: z
    .string()
    .regex(/^\d{4}(,\d{4})*$/, '--homes must be municipality codes separated by commas')
    .transform((v) => v.split(','))
    .optional(),
  factor: z.coerce.number({ error: '--factor must be a number' }).positive('--factor must be above 0').max(100, '--factor must be at most 100').optional(),
});

/**
 * `generate-scale-data --size nine|national|stress --years N [--seed S] [--today YYYY-MM-DD]
 * [--homes 0101,… [--factor F]]`: synthetic records into a database holding only reference data,
 * for all municipalities of the size or only the given home municipalities (their volume × F).
 * Prints each step and the rows written per table.
 */
export async function generateScaleDataCommand(db: Db, args: string[], write: (line: string) => void): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { size: { type: 'string' }, years: { type: 'string', default: '10' }, seed: { type: 'string' }, today: { type: 'string' }, homes: { type: 'string' }, factor: { type: 'string' } },
  });
  const parsed = options.safeParse(values);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message).join('; '));
  const today = parsed.data.today ?? danishDate(systemClock.now());
  const started = Date.now();
  let last = started;
  const { size, years, seed, homes, factor } = parsed.data;
  if (factor !== undefined && !homes) throw new ConfigError('--factor goes with --homes');
  const restriction = homes ? { homes, ...(factor !== undefined ? { factor } : {}) } : {};
  const counts = await generateSyntheticData(db, { size, years, seed, today, ...restriction }, (step) => {
    const now = Date.now();
    write(`${((now - started) / 1000).toFixed(1).padStart(7)} s  ${step} (+${((now - last) / 1000).toFixed(1)} s)`);
    last = now;
  });
  const only = homes ? `, only ${homes.join(', ')} × ${factor ?? 1}` : '';
  write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s (${size}, ${years} years to ${today}, seed ${seed}${only}):`);
  for (const [table, n] of Object.entries(counts)) write(`  ${table.padEnd(22)} ${n.toLocaleString('en')}`);
}
