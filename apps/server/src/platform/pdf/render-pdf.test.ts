import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { pdfFontFiles, renderPdf } from './render-pdf.ts';

/** What staff type and Danish letters print: the arrow once came out as "!'" (issue 10.24). */
const SYMBOLS = '→ æøå ÆØÅ é ü – “” • ½ € § « » … ‘’ ≥ ≤ ±';

describe('renderPdf', () => {
  it('renders Danish text that can be read back', async () => {
    const doc = { content: [{ text: 'Handleplan for Æble Østergård Ålund', style: 'h1' }, 'Støtte til livet med kræft'], styles: { h1: { bold: true, fontSize: 16 } } };
    const bytes = await renderPdf(doc);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await readPdfText(bytes);
    expect(pages).toBe(1);
    expect(text).toContain('Handleplan for Æble Østergård Ålund');
    expect(text).toContain('Støtte til livet med kræft');
    expect(doc.content).toHaveLength(2); // the caller's definition is left as it was
  });

  it('prints an arrow, Danish letters and common symbols in every style with an embedded font that has their glyphs', async () => {
    const bytes = await renderPdf({
      content: [SYMBOLS, { text: SYMBOLS, bold: true }, { text: SYMBOLS, italics: true }, { text: SYMBOLS, bold: true, italics: true }],
    });
    const { text } = await readPdfText(bytes);
    expect(text.split('\n').filter((line) => line.trim())).toEqual([SYMBOLS, SYMBOLS, SYMBOLS, SYMBOLS]);
    // Embedded (FontFile2) subsets of the four DejaVu Sans Condensed faces, not a standard font.
    const pdf = bytes.toString('latin1');
    for (const face of ['DejaVuSansCondensed', 'DejaVuSansCondensed-Bold', 'DejaVuSansCondensed-Oblique', 'DejaVuSansCondensed-BoldOblique']) expect(pdf).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${face}\\b`));
    expect(pdf).toContain('/FontFile2');
    expect(pdf).not.toMatch(/\/BaseFont \/Helvetica/);
    for (const file of Object.values(pdfFontFiles())) {
      const font = fontkit.openSync(file) as fontkit.Font;
      const missing = [...SYMBOLS.replaceAll(' ', '')].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0));
      expect(missing, file).toEqual([]);
    }
  });
});
