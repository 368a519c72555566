import { describe, expect, it } from 'vitest';
import { roles } from '@samkraft/contracts/common';
import { navItemsFor } from './navItems.ts';

describe('navItemsFor', () => {
  it('gives every staff role Start and the catalogue', () => {
    for (const role of roles) expect(navItemsFor(role).map((i) => i.to)).toEqual(['/', '/katalog']);
  });
  it('gives only Start to a user without a role', () => {
    expect(navItemsFor(null).map((i) => i.to)).toEqual(['/']);
  });
});
