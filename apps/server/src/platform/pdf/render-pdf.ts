import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

// The PDF standard fonts carry WinAnsi, which has æ, ø and å; no font files to ship.
pdfmake.setFonts({
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
});
pdfmake.setUrlAccessPolicy(() => false);

export type PdfDocument = TDocumentDefinitions;

/**
 * Renders a pdfmake document to bytes. pdfmake mutates its input, so it gets a copy; the
 * document's language is Danish unless the definition says otherwise.
 */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const copy = structuredClone(doc);
  copy.defaultStyle = { font: 'Helvetica', fontSize: 11, lineHeight: 1.25, ...copy.defaultStyle };
  copy.language ??= 'da-DK';
  copy.info = { creator: 'Samkraft', producer: 'Samkraft', ...copy.info };
  const pdf = pdfmake.createPdf(copy);
  return Buffer.from(await pdf.getBuffer());
}
