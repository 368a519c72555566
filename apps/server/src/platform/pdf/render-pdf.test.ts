import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { renderPdf } from './render-pdf.ts';

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
});
