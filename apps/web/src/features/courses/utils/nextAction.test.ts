import { nextStepOf } from '@samkraft/contracts/next-step';
import { courseSteps } from '@samkraft/contracts/start';
import { describe, expect, it } from 'vitest';
import { nextActionOf } from './nextAction.ts';

describe('nextActionOf', () => {
  it("names the worklist's next step for every step of the course", () => {
    for (const step of courseSteps) expect(nextActionOf(step, 'k1').step, step).toBe(nextStepOf(step));
  });

  it('leads to where the step is done', () => {
    expect(nextActionOf('received', 'k1').href).toBe('#kontakt');
    expect(nextActionOf('first_contact', 'k1').href).toBe('/forloeb/k1/behovsvurdering');
    expect(nextActionOf('planned', 'k1').href).toBe('/forloeb/k1/henvisning');
    expect(nextActionOf('closing', 'k1').href).toBe('/forloeb/k1/afslutning');
    expect(nextActionOf('closed', 'k1').href).toBeNull();
  });
});
