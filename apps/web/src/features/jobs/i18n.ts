/** Texts of long jobs' progress ("jobs"); `en` has the same shape. */
export const da = {
  queued: 'venter på at starte',
  started: 'i gang',
  progress: 'trin {{done}} af {{total}}',
};

export const en: typeof da = {
  queued: 'waiting to start',
  started: 'started',
  progress: 'step {{done}} of {{total}}',
};
