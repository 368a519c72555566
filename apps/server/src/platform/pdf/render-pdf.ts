import type pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

type PdfMake = typeof pdfmakeModule;
let loading: Promise<PdfMake> | undefined;

/** pdfmake is loaded on the first PDF, not at start-up (it takes a quarter of a second). */
function pdfMake(): Promise<PdfMake> {
  // A CommonJS module: its exports arrive as the default of the dynamic import.
  loading ??= import('pdfmake').then((module) => {
    const pdfmake = (module as unknown as { default: PdfMake }).default;
    // The PDF standard fonts carry WinAnsi, which has æ, ø and å; no font files to ship.
    pdfmake.setFonts({
      Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    return pdfmake;
  });
  return loading;
}

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
  const pdf = (await pdfMake()).createPdf(copy);
  return Buffer.from(await pdf.getBuffer());
}
