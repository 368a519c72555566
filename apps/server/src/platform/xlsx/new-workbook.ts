import type ExcelJS from 'exceljs';

/** A new workbook; exceljs is loaded on first use, not at start-up (it takes a third of a second). */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}
