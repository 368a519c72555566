import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html.ts';
import { doseText, filterOfferings, mapUrl, parseCatalogueQuery, servesDiagnosis, targetGroupText, type PublicOffering } from './public-catalogue.rules.ts';

const offering = (o: Partial<PublicOffering>): PublicOffering => ({
  offeringId: 'x', interventionCode: 'c', nameDa: 'n', nameEn: 'n', descriptionDa: null, purposeDa: null, targetTextDa: null, targetMinAge: null, targetMaxAge: null,
  targetDiagnoses: null, dose: [], hostCode: '0159', hostName: 'Gladsaxe', placeName: 'P', address: null, hostPhone: null, capacity: 10, enrolled: 0, rolling: false,
  nextSessionAt: null, referredFrom: [], ...o,
});

describe('the public catalogue rules', () => {
  it('parses the search: empty is all, a short code is padded, a malformed value is named', () => {
    expect(parseCatalogueQuery({ kommune: '159', diagnose: 'dc50', lang: 'en' })).toEqual({ query: { kommune: '0159', diagnose: 'DC50', lang: 'en' }, issues: [] });
    expect(parseCatalogueQuery({ kommune: '', diagnose: ' ' }).query).toEqual({ kommune: null, diagnose: null, lang: 'da' });
    const bad = parseCatalogueQuery({ kommune: 'Gladsaxe', diagnose: '<x>' });
    expect(bad.issues.map((i) => i.field)).toEqual(['kommune', 'diagnose']);
    expect(bad.query.kommune).toBeNull();
  });

  it('filters by host or routing and by diagnosis prefix (none named = every cancer)', () => {
    const all = [
      offering({ offeringId: 'a', targetDiagnoses: ['DC50'] }),
      offering({ offeringId: 'b', hostCode: '0173', referredFrom: [{ code: '0159', name: 'Gladsaxe', phone: null }] }),
      offering({ offeringId: 'c', hostCode: '0173' }),
    ];
    expect(filterOfferings(all, { kommune: '0159', diagnose: null, lang: 'da' }).map((o) => o.offeringId)).toEqual(['a', 'b']);
    expect(filterOfferings(all, { kommune: null, diagnose: 'DC61', lang: 'da' }).map((o) => o.offeringId)).toEqual(['b', 'c']);
    expect(servesDiagnosis({ targetDiagnoses: ['DC50'] }, 'DC509')).toBe(true);
  });

  it('says dose, target group and map link in plain words', () => {
    expect(doseText({ part: 'x', sessions: 8, upTo: true, perWeek: 2, minutes: 60 }, 'da')).toBe('op til 8 gange à 60 min, 2 gange om ugen (ca. 4 uger)');
    expect(doseText({ part: 'x', sessions: 1, upTo: false, perWeek: null, minutes: 45 }, 'en')).toBe('1 session of 45 min');
    expect(targetGroupText({ targetTextDa: null, targetMinAge: 18, targetMaxAge: 39 }, 'da')).toBe('Borgere med kræft fra 18 til 39 år');
    expect(mapUrl('P', 'Vej 1, 2860 Søborg')).toBe('https://www.openstreetmap.org/search?query=Vej%201%2C%202860%20S%C3%B8borg');
  });

  it('escapes every interpolated value but nested html', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<p>${'<b>'}${html`<i>${'&'}</i>`}${[1, '<']}${null}${false}</p>`.text).toBe('<p>&lt;b&gt;<i>&amp;</i>1&lt;</p>');
  });
});
