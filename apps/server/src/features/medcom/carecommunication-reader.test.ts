import { describe, expect, it } from 'vitest';
import { readCareCommunication } from './carecommunication-reader.ts';
import { careCommunicationCategories } from './medcom-categories.ts';
import { careCommunicationFixture, careCommunicationFixtures, readRefdataJson } from './medcom.test-helpers.ts';

describe('readCareCommunication', () => {
  it('reads every test message’s envelope, receiver and category (the brief’s table)', () => {
    const expected: Record<string, [string, string, string | undefined]> = {
      'R-A-new': ['7ed8da8d', '330461000016004', '5790001353308'],
      'R-C-forward': ['d2b81c34', '330461000016004', '5790001353308'],
      'R-Tek-B': ['ejklfdsi', '330461000016004', '5790001353308'],
      'R-Tek-CPR-1': ['ea9d2910', '325251000016005', '5790000121526'],
      'R-Tek-CPR-3': ['73893146', '325251000016005', '5790000121526'],
      'R-Tek-E-new-parallel': ['9db30fd5', '382871000016004', '5790001387419'],
      'R-Tek-G': ['f7f519bd', '1017421000016003', '5790002408496'],
      'R-Tek-I-reply-order': ['8f537c84', '382871000016004', '5790001387419'],
      'R-Tek-K-dublicate': ['559e4be0', '330461000016004', '5790001353308'],
      'R-Tek-M-dublicate-inv': ['6550cb10', '330461000016004', '5790001353308'],
      'S-A-new': ['0ebb6284', '330461000016004', undefined],
      'S-C-new': ['5a663fe8', '1017421000016003', '5790002408496'],
      'S-E-forward': ['3dbffafe', '1017421000016003', undefined],
      'S-Tek-B-new-episodeOfCare': ['7969a2b7', '1017421000016003', undefined],
      'S-Tek-CPR': ['73893146', '325251000016005', undefined],
    };
    const categories = new Set<string>(careCommunicationCategories.map((c) => c.code));
    for (const { name, bundle } of careCommunicationFixtures()) {
      const model = readCareCommunication(bundle);
      const [header, sor, gln] = expected[name] ?? [];
      expect(model.messageHeaderId?.slice(0, 8), name).toBe(header);
      expect(model.bundleId, name).toBe(bundle.id);
      expect(model.receiver?.sor, name).toBe(sor);
      if (gln) expect(model.receiver?.gln, name).toBe(gln);
      expect(model.receiverEndpoint, name).toBe(`https://sor2.sum.dsdn.dk/#id=${sor}`);
      expect(model.sender?.sor && model.sender.gln, name).toBeTruthy();
      expect(model.threadId, name).toMatch(/^urn:uuid:/);
      // Every category is MedCom's — but R-Tek-M's, which has none.
      if (name === 'R-Tek-M-dublicate-inv') expect(model.category).toBeUndefined();
      else expect(categories.has(model.category ?? ''), name).toBe(true);
      expect(model.payloads.every((p) => p.identifier?.startsWith('urn:uuid:') && p.date && p.assigner?.sor), name).toBe(true);
    }
  });

  it('reads a new message with a PDF, a specific sender team and a specific recipient (R-A-new)', () => {
    const model = readCareCommunication(careCommunicationFixture('R-A-new'));
    expect(model).toMatchObject({
      timestamp: '2024-08-15T12:00:00+02:00',
      sender: { sor: '441211000016000', gln: '5790001987244', name: 'Klinik for Ældresygdomme, AUH, Skejby' },
      senderEndpoint: 'https://sor2.sum.dsdn.dk/#id=441211000016000',
      receiver: { sor: '330461000016004', gln: '5790001353308', name: 'Sundhedsplejen, Aabenraa kommune' },
      patient: { cpr: '2509479989', replacementCpr: undefined, given: ['Bruno'], family: 'Elmer', familyAbsent: false },
      threadId: 'urn:uuid:7d14612c-5f58-4621-928d-267846f948c7',
      category: 'extended-care-responsibility',
      categoryText: { da: 'Udvidet behandlingsansvar', en: 'Extended care responsibility' },
      topic: 'Kritisk tilstand',
      specificSender: { kind: 'CareTeam', name: 'Team +80 år', organisation: { sor: '441211000016000' } },
      specificRecipient: { kind: 'PractitionerRole', given: ['Birgit'], family: 'Berggren', role: { text: 'Visitator' }, organisation: { sor: '330461000016004' } },
      activity: 'new-message',
      precedingMessageHeaderId: undefined,
      episodeOfCare: undefined,
    });
    const [text, pdf] = model.payloads;
    expect(text).toMatchObject({
      identifier: 'urn:uuid:786b5da9-d175-4e89-aa91-b65ed8f75e26',
      date: '2024-08-15T12:00:00+02:00',
      author: { given: ['Michael'], family: 'Burns', role: { code: 'socialogsundhedsmedhjaelper' } },
      authorPhone: '38683868',
      attachment: undefined,
    });
    expect(text?.text).toMatch(/^Til rette vedkommende på Arden Lægehus/);
    expect(pdf).toMatchObject({ text: undefined, attachment: { contentType: 'application/pdf', title: 'Oversigt', creation: '2023-02-25T08:00:00+01:00' } });
    expect(pdf?.attachment?.size).toBe(76_680);
    expect(Buffer.from(pdf?.attachment?.data ?? '', 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(model.provenances).toEqual([
      expect.objectContaining({ messageHeaderId: model.messageHeaderId, activity: 'new-message', occurred: '2024-08-15T12:00:00+02:00', agent: expect.objectContaining({ sor: '441211000016000' }) }),
    ]);
  });

  it('reads a forward with its history (R-C-forward)', () => {
    const model = readCareCommunication(careCommunicationFixture('R-C-forward'));
    expect(model.activity).toBe('forward-message');
    expect(model.precedingMessageHeaderId).toBe('42fa2844-5020-45dd-bd5f-77137ba5ca1f');
    expect(model.provenances.map((p) => [p.activity, p.messageHeaderId?.slice(0, 8), p.payloadIdentifiers])).toEqual([
      ['forward-message', 'd2b81c34', ['urn:uuid:4fa05d8d-66e7-46dd-8029-428d44d33f53']],
      ['new-message', '42fa2844', ['urn:uuid:d189f0c2-8397-4cae-b62c-0d0958b4899a']],
    ]);
    // Each payload names the organisation that wrote it.
    expect(model.payloads.map((p) => p.assigner?.sor)).toEqual([model.provenances[1]?.agent?.sor, model.sender?.sor]);
  });

  it('reads patient identifiers by kind: CPR, X-eCPR, D-eCPR (regional), and a family name marked absent', () => {
    const both = readCareCommunication(careCommunicationFixture('R-Tek-CPR-1')).patient;
    expect(both).toMatchObject({ cpr: '2509479989', replacementCpr: { kind: 'x-ecpr', system: 'urn:oid:1.2.208.176.1.6.1.1', value: '0703921VJ4' } });
    const replacementOnly = readCareCommunication(careCommunicationFixture('R-Tek-CPR-3')).patient;
    expect(replacementOnly?.cpr).toBeUndefined();
    expect(replacementOnly?.identifiers.map((i) => [i.kind, i.value])).toEqual([
      ['x-ecpr', '0703921VJ6'],
      ['d-ecpr', '1206550VK9'],
    ]);
    const regional = readCareCommunication(careCommunicationFixture('R-Tek-B'));
    expect(regional.patient).toMatchObject({ cpr: undefined, replacementCpr: { kind: 'd-ecpr', system: 'urn:oid:1.2.208.176.1.6.1.3.177', value: '1206550VK9' }, family: undefined, familyAbsent: true, given: ['Peter'] });
    // Ids that are valid FHIR ids but no UUIDs are read as they are.
    expect(regional.messageHeaderId).toBe('ejklfdsio8klakfd.hjfkdshfjk-hfjkdshfj89432n7f');
  });

  it('reads the episode of care of an Encounter (S-Tek-B)', () => {
    const model = readCareCommunication(careCommunicationFixture('S-Tek-B-new-episodeOfCare'));
    expect(model.episodeOfCare).toEqual({ system: 'https://sor2.sum.dsdn.dk/#id=328081000016004', value: 'urn:uuid:39e3e169-9ece-4ba4-bd24-2e0fbeebc333' });
    expect(model.encounter).toEqual({ status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' } });
  });

  it('refuses what is no CareCommunication message, naming why', () => {
    expect(() => readCareCommunication({ resourceType: 'Patient' })).toThrow(/not a FHIR Bundle/);
    expect(() => readCareCommunication({ resourceType: 'Bundle', type: 'message', entry: [] })).toThrow(/no MessageHeader/);
  });
});

describe('careCommunicationCategories', () => {
  it('are MedCom’s CodeSystem 1.9.0 (refdata), code by code with both designations', () => {
    const refdata = readRefdataJson('fhir/medcom/carecommunication-codes/medcom_carecommunication_categories.json') as { codes: { code: string; display: string; display_da: string }[] };
    expect(careCommunicationCategories.map((c) => [c.code, c.da, c.en])).toEqual(refdata.codes.map((c) => [c.code, c.display_da, c.display]));
  });
});
