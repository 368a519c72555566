import type { MyPreparationForm } from '@samkraft/contracts/preparation-forms';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../../../api/apiRequestError.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useCitizenSession } from '../hooks/citizenQueries.ts';
import { useMyPreparationForm, useSaveMyPreparationForm } from '../hooks/preparationFormQueries.ts';

export type PreparationFormViewProps = { formId: string };

const scale = Array.from({ length: 11 }, (_, i) => i);

/** One preparation form: loads (opens) it, then shows the form to fill in or, once sent, the citizen's answers. */
export function PreparationFormView({ formId }: PreparationFormViewProps) {
  const { t } = useTranslation('borger');
  const form = useMyPreparationForm(formId);
  if (form.isError) {
    return (
      <div className="alert alert-error" role="alert">
        <div className="alert-body">
          <p className="alert-text">{t('preparation.loadError')}</p>
        </div>
      </div>
    );
  }
  if (!form.data) return null;
  return form.data.editable ? <PreparationFormFields form={form.data} /> : <PreparationAnswers form={form.data} />;
}

function SentBy({ form }: { form: MyPreparationForm }) {
  const { t } = useTranslation('borger');
  const { language } = useLanguage();
  const date = formatDate(danishDateOf(form.sentAt), language);
  return (
    <>
      <p>{form.contactPersonName ? t('preparation.from', { name: form.contactPersonName, municipality: form.homeMunicipality, date }) : t('preparation.fromUnit', { municipality: form.homeMunicipality, date })}</p>
      {form.lastRemindedAt && form.editable ? (
        <div className="alert alert-info" role="status">
          <div className="alert-body">
            <p className="alert-text">{t('preparation.reminded', { date: formatDate(danishDateOf(form.lastRemindedAt), language) })}</p>
          </div>
        </div>
      ) : null}
    </>
  );
}

function PreparationFormFields({ form }: { form: MyPreparationForm }) {
  const { t } = useTranslation('borger');
  const { language } = useLanguage();
  const session = useCitizenSession();
  const mutation = useSaveMyPreparationForm(form.id);
  const [score, setScore] = useState<number | null>(form.answers.scaleScore);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set(form.answers.problems));
  const [text, setText] = useState(form.answers.whatMattersMost ?? '');
  const [lastFinal, setLastFinal] = useState(false);
  const fieldCodes = isApiRequestError(mutation.error) ? new Set(mutation.error.fields.map((f) => f.field)) : new Set<string>();
  const scaleError = fieldCodes.has('scaleScore');
  const csrf = session.data?.csrfToken;

  const send = (final: boolean) => {
    if (!csrf) return;
    setLastFinal(final);
    const problems = form.items.areas.flatMap((a) => a.items.map((i) => i.code)).filter((c) => ticked.has(c));
    mutation.mutate({ body: { scaleScore: score, problems, whatMattersMost: text.trim() ? text : null }, csrfToken: csrf, final });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(true);
  };
  const toggle = (code: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  const savedTime = form.savedAt ? new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(form.savedAt)) : null;

  return (
    <>
      <SentBy form={form} />
      <p>{t('preparation.intro')}</p>
      <p className="form-hint">{t('preparation.saveHint')}</p>
      <form onSubmit={onSubmit} noValidate className="samkraft-borger-preparation">
        <div className={`form-group${scaleError ? ' form-error' : ''}`}>
          <fieldset aria-describedby={`scale-hint${scaleError ? ' scale-error' : ''}`}>
            <legend className="form-label">{t('preparation.scaleLegend')}</legend>
            <span className="form-hint" id="scale-hint">
              {t('preparation.scaleHint')}
            </span>
            {scaleError ? (
              <span className="form-error-message" id="scale-error">
                {t('preparation.scaleRequired')}
              </span>
            ) : null}
            <div className="samkraft-borger-scale">
              {scale.map((n) => (
                <div className="form-group-radio" key={n}>
                  <input className="form-radio" type="radio" id={`scale-${n}`} name="scale" value={n} checked={score === n} onChange={() => setScore(n)} />
                  <label htmlFor={`scale-${n}`}>{n}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>

        <h2>{t('preparation.problemsTitle')}</h2>
        <p className="form-hint">{t('preparation.problemsHint')}</p>
        {form.items.areas.map((area) => (
          <div className="form-group" key={area.area}>
            <fieldset>
              <legend className="form-label">{t(`preparation.areas.${area.area}`)}</legend>
              {area.items.map((item) => (
                <div className="form-group-checkbox" key={item.code}>
                  <input className="form-checkbox" type="checkbox" id={`item-${item.code}`} checked={ticked.has(item.code)} onChange={(e) => toggle(item.code, e.currentTarget.checked)} />
                  <label htmlFor={`item-${item.code}`}>{language === 'en' ? item.labelEn : item.labelDa}</label>
                </div>
              ))}
            </fieldset>
          </div>
        ))}

        <div className="form-group">
          <label className="form-label" htmlFor="what-matters-most">
            {t('preparation.whatMattersMost')}
          </label>
          <span className="form-hint" id="what-matters-most-hint">
            {t('preparation.whatMattersMostHint')}
          </span>
          <textarea className="form-input" id="what-matters-most" rows={5} maxLength={4000} aria-describedby="what-matters-most-hint" value={text} onChange={(e) => setText(e.currentTarget.value)} />
        </div>

        {mutation.isError && !scaleError ? (
          <div className="alert alert-error" role="alert">
            <div className="alert-body">
              <p className="alert-text">{t('preparation.saveError')}</p>
            </div>
          </div>
        ) : null}
        {mutation.isSuccess && !lastFinal && savedTime ? (
          <div className="alert alert-success" role="status">
            <div className="alert-body">
              <p className="alert-text">{t('preparation.saved', { time: savedTime })}</p>
            </div>
          </div>
        ) : null}

        <div className="samkraft-borger-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending || !csrf}>
            {mutation.isPending && lastFinal ? t('preparation.submitting') : t('preparation.submit')}
          </button>
          <button type="button" className="button button-secondary" disabled={mutation.isPending || !csrf} onClick={() => send(false)}>
            {mutation.isPending && !lastFinal ? t('preparation.saving') : t('preparation.save')}
          </button>
        </div>
      </form>
    </>
  );
}

function PreparationAnswers({ form }: { form: MyPreparationForm }) {
  const { t } = useTranslation('borger');
  const { language } = useLanguage();
  const labels = new Map(form.items.areas.flatMap((a) => a.items.map((i) => [i.code, { area: a.area, label: language === 'en' ? i.labelEn : i.labelDa }] as const)));
  const ticked = form.answers.problems.map((c) => labels.get(c)).filter((x) => x !== undefined);
  return (
    <>
      <div className="alert alert-success" role="status">
        <div className="alert-body">
          <p className="alert-heading">{t('preparation.answeredTitle')}</p>
          <p className="alert-text">{t('preparation.answered', { date: form.answeredAt ? formatDate(danishDateOf(form.answeredAt), language) : '' })}</p>
        </div>
      </div>
      <SentBy form={form} />
      <h2>{t('preparation.yourAnswers')}</h2>
      <div className="card">
        <div className="card-content">
          <h3 className="mt-0">{t('preparation.scaleLegend')}</h3>
          <p>{form.answers.scaleScore === null ? t('preparation.noScale') : t('preparation.scaleAnswer', { score: form.answers.scaleScore })}</p>
          <h3>{t('preparation.problemsTitle')}</h3>
          {ticked.length === 0 ? (
            <p>{t('preparation.noProblems')}</p>
          ) : (
            <ul>
              {ticked.map((x) => (
                <li key={`${x.area}-${x.label}`}>
                  {t(`preparation.areas.${x.area}`)}: {x.label}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('preparation.whatMattersMost')}</h3>
          <p className="samkraft-borger-text">{form.answers.whatMattersMost ?? t('preparation.noText')}</p>
        </div>
      </div>
    </>
  );
}
