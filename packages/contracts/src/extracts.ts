import { z } from 'zod';
import { text, uuid } from './common.ts';

/** Why an extract (or one of its cells) was refused; the web shows each in the user's language. */
export const extractErrorReasons = [
  'empty_file',
  'binary_file',
  'unreadable_workbook',
  'missing_sheet',
  'unknown_table',
  'duplicate_table',
  'missing_table',
  'no_separator',
  'unclosed_quote',
  'column_count',
  'unknown_column',
  'missing_column',
  'duplicate_column',
  'required',
  'too_long',
  'invalid_date',
  'future_date',
  'out_of_order',
  'invalid_value',
  'invalid_municipality_code',
  'unknown_municipality',
  'unknown_intervention',
  'unknown_diagnosis',
  'invalid_citizen',
  'birth_date_mismatch',
  'sex_mismatch',
  'citizen_conflict',
  'invalid_number',
  'only_with_other_column',
  'gop_requires_sul140',
  'duplicate_referral_id',
  'orphan_referral_id',
  'known_from_samkraft',
  'too_many_errors',
] as const;
export const extractFormats = ['csv', 'xlsx'] as const;
export type ExtractFormat = (typeof extractFormats)[number];

export type ExtractErrorReason = (typeof extractErrorReasons)[number];

/** The largest upload: 100,000 intervention rows with their referrals fit well inside. */
export const MAX_EXTRACT_BYTES = 48 * 1024 * 1024;

export const extractFile = z.strictObject({
  name: text.trim().min(1, 'is required').max(255),
  /** The file's bytes, base64. Empty for an empty file (which the import then refuses with a reason). */
  contentBase64: text.max(Math.ceil(MAX_EXTRACT_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type ExtractFile = z.input<typeof extractFile>;

/** Two CSV files (referrals and interventions, any order) or one XLSX workbook. */
export const extractUpload = z.strictObject({ files: z.array(extractFile).min(1, 'give one XLSX file or two CSV files').max(2, 'give one XLSX file or two CSV files') });
export type ExtractUpload = z.input<typeof extractUpload>;

export const extractError = z.object({
  file: text,
  /** The spreadsheet row number: 1 is the header, 2 the first data row; 0 = the whole extract. */
  row: z.number().int(),
  column: text,
  reason: z.enum(extractErrorReasons),
  /** English detail for logs and API clients. */
  detail: text,
  /** The facts the detail is worded from, so the web can say it in Danish. */
  value: text.optional(),
  allowed: z.array(text).optional(),
  other: z.object({ file: text.optional(), row: z.number().int().optional(), column: text.optional(), value: text.optional() }).optional(),
});
export type ExtractError = z.infer<typeof extractError>;

export const extractValidation = z.object({
  valid: z.boolean(),
  format: z.enum(extractFormats),
  referralRows: z.number().int(),
  interventionRows: z.number().int(),
  errors: z.array(extractError),
});
export type ExtractValidation = z.infer<typeof extractValidation>;

export const extractImportResult = z.object({
  /** `refused`: nothing was stored; `errors` says why. */
  outcome: z.enum(['imported', 'refused']),
  importId: uuid.nullable(),
  format: z.enum(extractFormats),
  referralRows: z.number().int(),
  interventionRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(extractError),
});
export type ExtractImportResult = z.infer<typeof extractImportResult>;

/**
 * `municipality`: person-level records of the actor's own municipality's citizens (municipal
 * lead, administrator); `collaboration`: every municipality's records, pseudonymised
 * (coordinator, administrator).
 */
export const extractExportScopes = ['municipality', 'collaboration'] as const;
export type ExtractExportScope = (typeof extractExportScopes)[number];

export const extractExportQuery = z.strictObject({
  format: z.enum(extractFormats).default('xlsx'),
  /** With `csv`: which of the two tables (one file per request). */
  table: z.enum(['referrals', 'interventions']).default('referrals'),
  scope: z.enum(extractExportScopes),
  /** Why the records leave Samkraft; kept in the audit log with every exported citizen. */
  purpose: text.trim().min(5).max(300),
});
export type ExtractExportQuery = z.input<typeof extractExportQuery>;
