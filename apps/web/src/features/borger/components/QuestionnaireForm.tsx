import type { MyQuestionnaire } from '@samkraft/contracts/closing-questionnaire';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useAnswerQuestionnaire, useCitizenSession } from '../hooks/citizenQueries.ts';
import { answerBody, missingAnswers, type AnswerChoice, type AnswerForm } from '../utils/questionnaireAnswer.ts';

export type QuestionnaireFormProps = { questionnaire: MyQuestionnaire };

const CHOICES = ['1', '2', '3', '4', '5', 'none'] as const;

type QuestionProps = { name: keyof AnswerForm; id: string; value: AnswerChoice; error: boolean; onChange: (v: AnswerChoice) => void };

/** One question as a DKFDS radio group: the 1–5 scale and "Vil ikke svare". */
function Question({ name, id, value, error, onChange }: QuestionProps) {
  const { t } = useTranslation('borger');
  const errorId = `${id}-${name}-error`;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={error ? errorId : undefined}>
        <legend className="form-label">{t(`questionnaire.${name}`)}</legend>
        {error ? (
          <span className="form-error-message" id={errorId}>
            <span className="sr-only">{t('questionnaire.errorPrefix')} </span>
            {t('questionnaire.chooseOne')}
          </span>
        ) : null}
        {CHOICES.map((c) => (
          <div className="form-group-radio" key={c}>
            <input className="form-radio" type="radio" id={`${id}-${name}-${c}`} name={`${id}-${name}`} value={c} checked={value === c} onChange={() => onChange(c)} />
            <label className="form-label" htmlFor={`${id}-${name}-${c}`}>
              {c === 'none' ? t('questionnaire.noAnswer') : t(`questionnaire.${name}Labels.${c}`)}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** An open questionnaire: two questions, sent once. */
export function QuestionnaireForm({ questionnaire: q }: QuestionnaireFormProps) {
  const { t } = useTranslation('borger');
  const { language } = useLanguage();
  const session = useCitizenSession();
  const mutation = useAnswerQuestionnaire();
  const [form, setForm] = useState<AnswerForm>({ satisfaction: '', benefit: '' });
  const [showMissing, setShowMissing] = useState(false);
  const missing = missingAnswers(form);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const csrf = session.data?.csrfToken;
    if (missing.length > 0 || !csrf) {
      setShowMissing(true);
      document.getElementById(`${q.id}-${missing[0] ?? 'satisfaction'}-1`)?.focus();
      return;
    }
    mutation.mutate({ id: q.id, answer: answerBody(form), csrfToken: csrf });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${q.id}-title`}>
      <h2 id={`${q.id}-title`}>{t('questionnaire.openTitle')}</h2>
      <p>{t('questionnaire.intro', { municipality: q.municipalityName, date: formatDate(q.dueOn, language) })}</p>
      <Question name="satisfaction" id={q.id} value={form.satisfaction} error={showMissing && missing.includes('satisfaction')} onChange={(v) => setForm((f) => ({ ...f, satisfaction: v }))} />
      <Question name="benefit" id={q.id} value={form.benefit} error={showMissing && missing.includes('benefit')} onChange={(v) => setForm((f) => ({ ...f, benefit: v }))} />
      <p className="form-hint">{t('questionnaire.final')}</p>
      {mutation.isError ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('questionnaire.sendError')}</p>
          </div>
        </div>
      ) : null}
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('questionnaire.sending') : t('questionnaire.send')}
      </button>
    </form>
  );
}
