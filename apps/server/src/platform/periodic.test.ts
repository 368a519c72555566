import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runEvery } from './periodic.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('runEvery', () => {
  it('runs the task once an interval, the first one interval after the start', async () => {
    const task = vi.fn(async () => undefined);
    const periodic = runEvery(1000, task, () => undefined);
    await vi.advanceTimersByTimeAsync(999);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(task).toHaveBeenCalledTimes(3);
    await periodic.stop();
  });

  it('starts a pass only after the previous one ended', async () => {
    let release: () => void = () => undefined;
    const task = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const periodic = runEvery(1000, task, () => undefined);
    await vi.advanceTimersByTimeAsync(5000);
    expect(task).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(task).toHaveBeenCalledTimes(2);
    release();
    await periodic.stop();
  });

  it('hands an error on and keeps running', async () => {
    const errors: unknown[] = [];
    const task = vi.fn(async () => {
      throw new Error('database gone');
    });
    const periodic = runEvery(1000, task, (err) => errors.push(err));
    await vi.advanceTimersByTimeAsync(2000);
    expect(task).toHaveBeenCalledTimes(2);
    expect(errors).toHaveLength(2);
    await periodic.stop();
  });

  it('runs nothing after stop, waits for the pass running, and leaves no timer', async () => {
    let release: () => void = () => undefined;
    let ended = false;
    const task = vi.fn(() => new Promise<void>((resolve) => (release = resolve)).then(() => void (ended = true)));
    const periodic = runEvery(1000, task, () => undefined);
    await vi.advanceTimersByTimeAsync(1000);
    const stopping = periodic.stop();
    release();
    await stopping;
    expect(ended).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('does not keep the process alive on its own', async () => {
    vi.useRealTimers();
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const periodic = runEvery(60_000, async () => undefined, () => undefined);
    const timer = setTimeoutSpy.mock.results[0]?.value as NodeJS.Timeout;
    setTimeoutSpy.mockRestore();
    expect(timer.hasRef()).toBe(false);
    await periodic.stop();
  });
});
