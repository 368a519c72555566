import { citizenCancelReasons, type CitizenCancelReason } from '@samkraft/contracts/attendance-cancellation';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../../api/apiRequestError.ts';
import { useCitizenSession } from '../hooks/citizenQueries.ts';
import { useCancelAppointment } from '../hooks/appointmentQueries.ts';

export type CancelAppointmentFormProps = { sessionId: string; onDone: () => void; onClose: () => void };

/** Afbud: the reason (illness, treatment, other) and a few words if the citizen wants to. */
export function CancelAppointmentForm({ sessionId, onDone, onClose }: CancelAppointmentFormProps) {
  const { t } = useTranslation('borger');
  const csrfToken = useCitizenSession().data?.csrfToken ?? '';
  const cancel = useCancelAppointment(sessionId);
  const [reason, setReason] = useState<CitizenCancelReason | null>(null);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const uid = useId();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (reason === null) {
      setMissing(true);
      return;
    }
    cancel.mutate({ body: { reason, text: text.trim() === '' ? null : text.trim() }, csrfToken }, { onSuccess: onDone });
  };
  const refusal = cancel.error instanceof ApiRequestError ? cancel.error.fields[0]?.code : undefined;
  return (
    <form onSubmit={onSubmit} className="mt-4" noValidate>
      <fieldset aria-describedby={missing ? `${uid}-missing` : undefined}>
        <legend className="form-label">{t('appointments.cancelForm.reasonLegend')}</legend>
        {missing ? (
          <span className="form-error-message" id={`${uid}-missing`}>
            {t('appointments.cancelForm.reasonMissing')}
          </span>
        ) : null}
        <ul className="nobullet-list">
          {citizenCancelReasons.map((r) => (
            <li key={r}>
              <input
                id={`${uid}-${r}`}
                type="radio"
                name={`${uid}-reason`}
                value={r}
                className="form-radio"
                checked={reason === r}
                onChange={() => {
                  setReason(r);
                  setMissing(false);
                }}
              />
              <label htmlFor={`${uid}-${r}`}>{t(`appointments.reason.${r}`)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="form-group">
        <label className="form-label" htmlFor={`${uid}-text`}>
          {t('appointments.cancelForm.textLabel')}
        </label>
        <span className="form-hint" id={`${uid}-hint`}>
          {t('appointments.cancelForm.textHint')}
        </span>
        <textarea className="form-input" id={`${uid}-text`} aria-describedby={`${uid}-hint`} rows={3} maxLength={300} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {cancel.isError ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t(`appointments.refusal.${refusal ?? 'unknown'}`, { defaultValue: t('appointments.refusal.unknown') })}</p>
          </div>
        </div>
      ) : null}
      <div className="samkraft-borger-actions">
        <button type="submit" className="button button-primary" disabled={cancel.isPending}>
          {cancel.isPending ? t('appointments.cancelForm.sending') : t('appointments.cancelForm.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('appointments.cancelForm.close')}
        </button>
      </div>
    </form>
  );
}
