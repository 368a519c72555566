import { describe, expect, it } from 'vitest';
import { closeReasonKey } from './closeReason.ts';

describe('closeReasonKey', () => {
  it('keeps a known reason and reads an unknown one as other', () => {
    expect(closeReasonKey('completed')).toBe('completed');
    expect(closeReasonKey('not_in_target_group')).toBe('not_in_target_group');
    expect(closeReasonKey('something_new')).toBe('other');
  });
});
