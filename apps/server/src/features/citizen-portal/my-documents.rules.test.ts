import { describe, expect, it } from 'vitest';
import { documentIdOf, parseDocumentId, toMyDocuments } from './my-documents.rules.ts';

const K1 = '11111111-1111-4111-8111-111111111111';
const K2 = '22222222-2222-4222-8222-222222222222';
const P1 = '33333333-3333-4333-8333-333333333333';
const P2 = '44444444-4444-4444-8444-444444444444';
const N1 = '55555555-5555-4555-8555-555555555555';

describe('toMyDocuments', () => {
  it('lists letters, plan versions and notes newest first, each with its course’s home municipality', () => {
    const docs = toMyDocuments(
      [
        { id: K1, homeMunicipality: 'Gladsaxe' },
        { id: K2, homeMunicipality: 'Ballerup' },
      ],
      {
        letters: [{ courseId: K1, sentOn: '2026-11-03' }],
        plans: [
          { id: P1, courseId: K1, version: 1, agreedOn: '2026-11-10' },
          { id: P2, courseId: K1, version: 2, agreedOn: '2026-12-01' },
        ],
        notes: [{ id: N1, courseId: K2, sentOn: '2026-12-01' }],
      },
    );
    expect(docs.map((d) => [d.kind, d.date, d.version, d.homeMunicipality])).toEqual([
      ['closing_note', '2026-12-01', null, 'Ballerup'],
      ['action_plan', '2026-12-01', 2, 'Gladsaxe'],
      ['action_plan', '2026-11-10', 1, 'Gladsaxe'],
      ['preparation_letter', '2026-11-03', null, 'Gladsaxe'],
    ]);
    expect(docs[3]?.id).toBe(`preparation_letter.${K1}`);
  });
  it('reads a document id back into its kind and record', () => {
    expect(parseDocumentId(documentIdOf('action_plan', P1))).toEqual({ kind: 'action_plan', recordId: P1 });
  });
});
