import { describe, expect, it } from 'vitest';
import { acknowledgementDueAt, MAX_RESENDS, outboxAction } from './messaging.rules.ts';

const at = (iso: string) => new Date(iso);
const sentAt = at('2026-12-01T09:00:00Z');
const due = acknowledgementDueAt(sentAt);

describe('the outbox under MedCom reliable messaging', () => {
  it('sends a queued message at once, or when it is due', () => {
    expect(outboxAction({ state: 'queued', sends: 0, nextSendAt: null }, sentAt)).toBe('send');
    expect(outboxAction({ state: 'queued', sends: 0, nextSendAt: at('2026-12-01T10:00:00Z') }, sentAt)).toBe('wait');
  });

  it('waits 30 minutes for the acknowledgement, then sends again — twice at most — then gives up', () => {
    expect(due.toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(outboxAction({ state: 'sent', sends: 1, nextSendAt: due }, at('2026-12-01T09:29:59Z'))).toBe('wait');
    expect(outboxAction({ state: 'sent', sends: 1, nextSendAt: due }, due)).toBe('resend');
    expect(outboxAction({ state: 'sent', sends: 2, nextSendAt: due }, due)).toBe('resend');
    expect(outboxAction({ state: 'sent', sends: 1 + MAX_RESENDS, nextSendAt: due }, due)).toBe('give_up');
  });

  it('leaves a delivered or failed message alone', () => {
    expect(outboxAction({ state: 'delivered', sends: 1, nextSendAt: due }, due)).toBe('wait');
    expect(outboxAction({ state: 'failed', sends: 3, nextSendAt: due }, due)).toBe('wait');
  });
});
