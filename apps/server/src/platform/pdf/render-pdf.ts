import { createRequire } from 'node:module';
import type pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

type PdfMake = typeof pdfmakeModule;
let loading: Promise<PdfMake> | undefined;

/** The font every PDF is set in. */
export const PDF_FONT = 'DejaVuSans';

/**
 * DejaVu Sans Condensed (Bitstream Vera licence with DejaVu's public-domain changes: embedding allowed;
 * the note is node_modules/dejavu-fonts-ttf/LICENSE). The PDF standard fonts carry only
 * WinAnsi, so an arrow, a fraction or a typographic quote typed by staff printed as other
 * characters; DejaVu has the glyphs of Danish text and the common symbols. The condensed cut
 * sets about as wide as Helvetica did, so the layouts made for it still fit. Resolved from
 * node_modules, as the bundle keeps pdfmake there too.
 */
export function pdfFontFiles(): { normal: string; bold: string; italics: string; bolditalics: string } {
  const require = createRequire(import.meta.url);
  const file = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
  return { normal: file('DejaVuSansCondensed'), bold: file('DejaVuSansCondensed-Bold'), italics: file('DejaVuSansCondensed-Oblique'), bolditalics: file('DejaVuSansCondensed-BoldOblique') };
}

/** pdfmake is loaded on the first PDF, not at start-up (it takes a quarter of a second). */
function pdfMake(): Promise<PdfMake> {
  // A CommonJS module: its exports arrive as the default of the dynamic import.
  loading ??= import('pdfmake').then((module) => {
    const pdfmake = module.default;
    const fonts = pdfFontFiles();
    pdfmake.setFonts({ [PDF_FONT]: fonts });
    pdfmake.setUrlAccessPolicy(() => false);
    // A document reads no file but the font files.
    const allowed = new Set(Object.values(fonts));
    pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
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
  copy.defaultStyle = { font: PDF_FONT, fontSize: 11, lineHeight: 1.25, ...copy.defaultStyle };
  copy.language ??= 'da-DK';
  copy.info = { creator: 'Samkraft', producer: 'Samkraft', ...copy.info };
  const pdf = (await pdfMake()).createPdf(copy);
  return Buffer.from(await pdf.getBuffer());
}
