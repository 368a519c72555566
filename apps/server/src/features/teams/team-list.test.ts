import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../platform/pdf/render-pdf.ts';
import { readPdfText } from '../../test-support/read-pdf.ts';
import { teamListDocument } from './team-list.ts';

describe('team list document', () => {
  it('renders a Danish A4 list with the session of each quota and an afbud in place of the boxes', async () => {
    const pdf = await renderPdf(
      teamListDocument({
        municipalityName: 'Gladsaxe',
        teamName: 'Træning for mænd',
        interventionName: 'Fysisk aktivitet til mænd',
        placeName: 'Træningscenter',
        date: '2026-11-24',
        time: '10:00',
        durationMinutes: 60,
        room: 'Træningssal 1',
        followUp: false,
        cancelReason: null,
        rows: [
          { name: 'Åse Østergård', birthYear: '1958', sessionOfQuota: '12/29', cancelReason: null },
          { name: 'Bent Hansen', birthYear: '1949', sessionOfQuota: null, cancelReason: 'Indlagt' },
        ],
      }),
    );
    const { pages, text } = await readPdfText(pdf);
    expect(pages).toBe(1);
    for (const part of ['Gladsaxe Kommune', 'Holdliste: Træning for mænd', '24. november 2026 kl. 10:00 (60 min)', 'Lokale: Træningssal 1', 'Åse Østergård', '12/29', 'Afbud meldt: Indlagt', 'Mødt', 'Udeblevet', 'Underskrift']) {
      expect(text).toContain(part);
    }
  });
});
