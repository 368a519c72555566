import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { dosePartName } from '../features/catalogue/utils/formatDose.ts';
import { featureResources } from './featureResources.ts';
import { resources } from './resources.ts';

const danish = { translation: resources.da.translation, ...featureResources.da };
const english = { translation: resources.en.translation, ...featureResources.en };

/** Every text of a namespace tree as [path, text]. */
function texts(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  return [];
}

const allDanish = texts(danish);

describe('one vocabulary', () => {
  it('gives each shared list from one place, so no screen words it differently', () => {
    const da = featureResources.da;
    // The same object, not a copy: a change reaches every screen.
    expect(da.teams.endReasons).toBe(da.statusNotes.endReasons);
    expect(da.worklist.closeReasons).toBe(da.closings.closeReasons);
    expect(da.referrals.course.closeReason).toBe(da.closings.closeReasons);
    expect(da.crossReferrals.states).toBe(resources.da.translation.referralState);
    expect(da.crossReferrals.professions).toBe(resources.da.translation.professions);
    expect(da.assessments.occasions.end).toBe('Afsluttende');
    expect(da.closings.recordEndAssessment).toContain(`»${da.assessments.occasions.end}«`);
    expect(Object.values(da.worklist.states)).toEqual(expect.arrayContaining(Object.values(da.crossReferrals.deadlineStates)));
    expect(da.suggestions.inferred).toBe(da.crossReferrals.inferred);
    expect(da.plans.statuses).toBe(da.statusNotes.goalStatuses);
  });

  it('names a provider referral the same on the start page and in the inbox, started included', () => {
    const states = resources.da.translation.referralState;
    expect(Object.keys(states).sort()).toEqual(['accepted', 'citizen_declined', 'declined', 'ended', 'new', 'started']);
    expect(featureResources.da.crossReferrals.states.started).toBe(states.started);
  });

  it('shows users no internal notes: no unconfirmed-title marker, no section numbers of the design note, no "udledt"', () => {
    const offending = allDanish.filter(([, s]) => /titel ikke bekræftet|notatets (afsnit|§|bilag|tabel)|\bnote (section|§)|udledt henvisning/i.test(s));
    expect(offending).toEqual([]);
  });

  it('has no English sentence in the Danish texts', () => {
    const english = /\b(the|and|with|is|are|of|from|not|working days|deadline)\b/i;
    const allowed = new Set<string>([]);
    const offending = allDanish.filter(([path, s]) => english.test(s.replace(/\{\{\w+\}\}/g, '')) && !allowed.has(path));
    expect(offending).toEqual([]);
  });

  it('has a singular and a plural form for every text with a count ("1 måned", never "1 måneder")', () => {
    // A count followed by a word whose form depends on it ("{{count}} uger"); "fremmøde: {{count}}" needs none.
    const plain = [...allDanish, ...texts(english)].filter(([path, s]) => /\{\{count\}\} \p{L}/u.test(s) && !/_(one|other)$/.test(path));
    expect(plain).toEqual([]);
  });

  it('resolves the singular through i18next', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'da', resources: { da: featureResources.da, en: featureResources.en }, interpolation: { escapeValue: false }, showSupportNotice: false });
    expect(i18n.t('deadlines:amounts.months', { count: 1 })).toBe('1 måned');
    expect(i18n.t('deadlines:amounts.working_days', { count: 10 })).toBe('10 hverdage');
    expect(i18n.t('suggestions:weeks', { count: 1 })).toBe('1 uge');
    await i18n.changeLanguage('en');
    expect(i18n.t('deadlines:amounts.months', { count: 1 })).toBe('1 month');
  });
});

describe('dose parts', () => {
  it('names every dose part of the reference catalogue in Danish (never "Ot:" or "Pt:")', () => {
    const source = fs.readFileSync(fileURLToPath(new URL('../../../server/src/features/reference-data/interventions.data.ts', import.meta.url)), 'utf8');
    const parts = [...new Set([...source.matchAll(/part: '([a-z_]+)'/g)].map((m) => m[1]!))];
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      const name = dosePartName(part, 'da');
      expect(name, part).not.toBe(part.charAt(0).toUpperCase() + part.slice(1).replace(/_/g, ' '));
    }
    expect(dosePartName('ot', 'da')).toBe('Ergoterapi');
    expect(dosePartName('pt', 'da')).toBe('Fysioterapi');
  });
});
