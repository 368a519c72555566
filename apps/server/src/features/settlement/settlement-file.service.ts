import type { SettlementFileFormat, SettlementMode } from '@samkraft/contracts/settlement';
import type { ServiceContext } from '../../platform/context.ts';
import { statementToPdf, statementToXlsx } from './settlement-export.ts';
import { getStatement } from './settlement.service.ts';
import type { Period } from './settlement.rules.ts';

export type SettlementFile = { bytes: Buffer; contentType: string; filename: string };

const CONTENT_TYPES: Record<SettlementFileFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A statement as a file to print or work on (audited as an export by `getStatement`). */
export async function exportStatement(ctx: ServiceContext, period: Period, mode: SettlementMode, format: SettlementFileFormat): Promise<SettlementFile> {
  const statement = await getStatement(ctx, period, mode, format);
  const bytes = format === 'pdf' ? await statementToPdf(statement) : await statementToXlsx(statement);
  const kind = mode === 'net' ? 'afregning' : 'udgiftsneutralitet';
  return { bytes, contentType: CONTENT_TYPES[format], filename: `${kind}-${period.from}-${period.to}.${format}` };
}
