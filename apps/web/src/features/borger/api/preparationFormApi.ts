import { myPreparationForm, myPreparationForms, type MyPreparationForm, type MyPreparationForms, type PreparationAnswersBody } from '@samkraft/contracts/preparation-forms';
import { borgerJson } from './borgerApi.ts';

/** The citizen's preparation forms ("Støtte til livet med kræft", issue 13.3). */
export function fetchMyPreparationForms(): Promise<MyPreparationForms> {
  return borgerJson('/api/borger/preparation-forms', myPreparationForms);
}

/** Opens one form (the server records the first opening for the contact person). */
export function openMyPreparationForm(formId: string): Promise<MyPreparationForm> {
  return borgerJson(`/api/borger/preparation-forms/${encodeURIComponent(formId)}`, myPreparationForm);
}

export function saveMyPreparationForm(formId: string, body: PreparationAnswersBody, csrfToken: string): Promise<MyPreparationForm> {
  return borgerJson(`/api/borger/preparation-forms/${encodeURIComponent(formId)}`, myPreparationForm, { method: 'PUT', body, csrfToken });
}

export function submitMyPreparationForm(formId: string, body: PreparationAnswersBody, csrfToken: string): Promise<MyPreparationForm> {
  return borgerJson(`/api/borger/preparation-forms/${encodeURIComponent(formId)}/submit`, myPreparationForm, { method: 'POST', body, csrfToken });
}
