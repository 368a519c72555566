export function pinnedOffsetMs(env?: NodeJS.ProcessEnv): number | undefined;
export function installPinnedClock(offsetMs: number, scope: typeof globalThis): void;
export function pinnedClockInitScript(env?: NodeJS.ProcessEnv): string | undefined;
