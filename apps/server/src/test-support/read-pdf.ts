import { extractText, getDocumentProxy } from 'unpdf';

/** The text of a PDF, pages joined, for tests that read a generated document back. */
export async function readPdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  return { pages: totalPages, text };
}
