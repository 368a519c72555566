import { describe, expect, it } from 'vitest';
import { roles } from '@samkraft/contracts/common';
import { navItemsFor } from './navItems.ts';

describe('navItemsFor', () => {
  it('gives every staff role Start and the catalogue', () => {
    for (const role of roles) expect(navItemsFor(role).map((i) => i.to)).toEqual(expect.arrayContaining(['/', '/katalog']));
  });
  it('gives "Ny henvisning" to contact persons and leads only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/henvisninger/ny')).toBe(role === 'contact_person' || role === 'municipal_lead');
  });
  it('gives the worklist to contact persons and leads only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/arbejdsliste')).toBe(role === 'contact_person' || role === 'municipal_lead');
  });
  it('gives "Lukkedage" to leads and administrators only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/lukkedage')).toBe(role === 'municipal_lead' || role === 'administrator');
  });
  it('gives "Befordring" to leads and administrators only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/befordring')).toBe(role === 'municipal_lead' || role === 'administrator');
  });
  it('gives "Indbakke" to therapists and leads only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/indbakke')).toBe(role === 'therapist' || role === 'municipal_lead');
  });

  it('gives "Statusnotater" to contact persons and leads only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/statusnotater')).toBe(role === 'contact_person' || role === 'municipal_lead');
  });
  it('gives "Overblik" (the dashboard) to coordinators and leads only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/overblik')).toBe(role === 'coordinator' || role === 'municipal_lead');
  });
  it('gives "Hold" to therapists and leads only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/hold')).toBe(role === 'therapist' || role === 'municipal_lead');
  });
  it('gives "Tilsyn med adgang" to the data-protection role only — not the coordinator or the administrator', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/tilsyn')).toBe(role === 'auditor');
  });
  it('gives "Fristregler" to administrators only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/fristregler')).toBe(role === 'administrator');
  });
  it('gives "Rapporter" to coordinators and leads only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/rapporter')).toBe(role === 'coordinator' || role === 'municipal_lead');
  });
  it('gives "Henvisninger fra sygehus" to contact persons, leads (review) and administrators (upload)', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/sygehushenvisninger')).toBe(role === 'contact_person' || role === 'municipal_lead' || role === 'administrator');
  });
  it('gives the messages page to contact persons and leads (messages without a course) and administrators (every message)', () => {
    for (const role of roles) expect(navItemsFor(role).find((i) => i.to === '/beskeder')?.labelKey).toBe(role === 'administrator' ? 'nav.messages' : role === 'contact_person' || role === 'municipal_lead' ? 'nav.unmatchedMessages' : undefined);
  });
  it('gives "Dataudtræk" to administrators only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/udtraek')).toBe(role === 'administrator');
  });
  it('gives "Organisationer" to administrators only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/organisationer')).toBe(role === 'administrator');
  });
  it('gives "KL Gateway" to leads and administrators only', () => {
    for (const role of roles) expect(navItemsFor(role).some((i) => i.to === '/kl-gateway')).toBe(role === 'municipal_lead' || role === 'administrator');
  });
  it('gives only Start to a user without a role', () => {
    expect(navItemsFor(null).map((i) => i.to)).toEqual(['/']);
  });
});
