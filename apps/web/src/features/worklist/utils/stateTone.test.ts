import { describe, expect, it } from 'vitest';
import { stateTone, worklistSearch } from './stateTone.ts';

describe('worklist utils', () => {
  it('tints overdue red and due soon orange', () => {
    expect(stateTone('overdue')).toBe('red');
    expect(stateTone('due_soon')).toBe('orange');
    expect(stateTone('none')).toBe('gray');
  });
  it('builds the query string from the filters, leaving out empty ones', () => {
    expect(worklistSearch({ scope: 'mine' })).toBe('?scope=mine');
    expect(worklistSearch({ scope: 'municipality', state: 'overdue', step: '' })).toBe('?scope=municipality&state=overdue');
    expect(worklistSearch({ scope: 'municipality', offset: 100, limit: 100 })).toBe('?scope=municipality&offset=100&limit=100');
  });
});
