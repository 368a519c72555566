import { z } from 'zod';
import { calendarDate, isoDate, municipalityRef, text } from './common.ts';

/** A comma-separated list of four-digit municipality codes, e.g. `0159,0151`. */
const municipalityList = z
  .string()
  .trim()
  .regex(/^\d{4}(,\d{4})*$/, 'must be four-digit municipality codes separated by commas')
  .transform((v) => [...new Set(v.split(','))]);

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const reportQuery = z.strictObject({
  from: calendarDate,
  to: calendarDate,
  /** Leave out for every municipality the caller may see. */
  municipalities: municipalityList.optional(),
  /** A second period shown beside the first (summary, indicators 1 and 3); both or neither. */
  compareFrom: calendarDate.optional(),
  compareTo: calendarDate.optional(),
  /** Hide numbers under 5, with complementary suppression, for publication. */
  suppress: flag.optional(),
});
export type ReportQuery = z.input<typeof reportQuery>;
export type ReportParams = z.output<typeof reportQuery>;

/** The same choices as JSON (a report job's body): municipalities as a list, suppression as a boolean. */
export const reportRequest = z.strictObject({
  from: calendarDate,
  to: calendarDate,
  municipalities: z
    .array(text.regex(/^\d{4}$/, 'must be a four-digit municipality code'))
    .min(1)
    .max(98)
    .transform((v) => [...new Set(v)])
    .optional(),
  compareFrom: calendarDate.optional(),
  compareTo: calendarDate.optional(),
  suppress: z.boolean().optional(),
}) satisfies z.ZodType<ReportParams>;
export type ReportRequest = z.input<typeof reportRequest>;

export const reportFormats = ['xlsx', 'csv', 'pdf'] as const;
export const reportFormat = z.enum(reportFormats);
export type ReportFormat = z.infer<typeof reportFormat>;

export const reportExportQuery = reportQuery.extend({ format: reportFormat });
export type ReportExportQuery = z.input<typeof reportExportQuery>;

export const reportTableIds = [
  'summary',
  'trend',
  'exchange',
  'flows',
  'sex_age',
  'source_counts',
  'source_shares',
  'course_length',
  'pilot',
  'indicators',
  'questionnaire',
  'coverage',
  'completeness',
] as const;
export const reportTableId = z.enum(reportTableIds);
export type ReportTableId = z.infer<typeof reportTableId>;

export const reportCellFormats = ['count', 'share', 'decimal'] as const;

export const reportColumn = z.object({ key: text, label: text, format: z.enum(reportCellFormats) });
export type ReportColumn = z.infer<typeof reportColumn>;

export const reportRow = z.object({
  key: text,
  label: text,
  /** A total or sum row (shown in bold). */
  total: z.boolean(),
  /** One value per column; null where there is nothing to show (a mean of no courses) or hidden. */
  cells: z.array(z.number().nullable()),
  /** Which cells were hidden by small-number suppression. */
  suppressed: z.array(z.boolean()),
  /** A short text beside the numbers (an indicator's status, a quarter without data). */
  note: text.nullable(),
});
export type ReportRow = z.infer<typeof reportRow>;

export const reportTable = z.object({
  id: reportTableId,
  title: text,
  /** What the first column (the row labels) holds. */
  rowHeader: text,
  columns: z.array(reportColumn),
  rows: z.array(reportRow),
  notes: z.array(text),
});
export type ReportTable = z.infer<typeof reportTable>;

export const indicatorStatuses = ['met', 'not_met', 'no_data'] as const;

export const reportIndicator = z.object({
  number: z.number().int().min(1).max(5),
  label: text,
  target: text,
  unit: z.enum(['count', 'share']),
  value: z.number().nullable(),
  compareValue: z.number().nullable(),
  /** A share to reach (0.9), or null when the target is a rise or "most". */
  targetValue: z.number().nullable(),
  status: z.enum(indicatorStatuses),
  /** The count behind a share (answers, deadlines decided). */
  basis: z.number().int().nullable(),
  /**
   * Indicators 4 and 5: how many of the `basis` answers the citizens gave themselves on their own
   * phone (the rest staff entered at the closing conversation); null for the others, and when
   * hidden by small-number suppression.
   */
  citizenAnswers: z.number().int().nullable(),
});
export type ReportIndicator = z.infer<typeof reportIndicator>;

export const reportPeriod = z.object({ from: isoDate, to: isoDate });

export const report = z.object({
  period: reportPeriod,
  comparePeriod: reportPeriod.nullable(),
  municipalities: z.array(municipalityRef),
  suppressed: z.boolean(),
  /** The Danish date deadlines (indicator 2) were evaluated on. */
  asOf: isoDate,
  indicators: z.array(reportIndicator),
  tables: z.array(reportTable),
});
export type Report = z.infer<typeof report>;
