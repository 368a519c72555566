import type { MyAppointment } from '@samkraft/contracts/appointments';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { appointmentDay, appointmentMoment, appointmentTime } from '../utils/appointmentTime.ts';
import { CancelAppointmentForm } from './CancelAppointmentForm.tsx';

export type AppointmentCardProps = { appointment: MyAppointment };

/** What the citizen's own state of the session is, in words. */
function useStatusText(a: MyAppointment): string | null {
  const { t } = useTranslation('borger');
  if (a.cancelledByTeam) return t('appointments.status.cancelledByTeam');
  if (a.attendance === 'cancelled') {
    return a.cancelledBy === 'citizen' && a.cancelReason ? t('appointments.status.cancelledByYouWithReason', { reason: t(`appointments.reason.${a.cancelReason}`).toLowerCase() }) : t('appointments.status.cancelled');
  }
  if (a.attendance === 'attended') return t('appointments.status.attended');
  if (a.attendance === 'no_show') return t('appointments.status.noShow');
  return null;
}

/** One session: when (Danish time), what, where, the citizen's state, and cancelling it while they still may. */
export function AppointmentCard({ appointment: a }: AppointmentCardProps) {
  const { t } = useTranslation('borger');
  const { language } = useLanguage();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const status = useStatusText(a);
  const headingId = `appointment-${a.sessionId}`;
  const place = [a.placeName, a.room].filter(Boolean).join(', ');
  const crossed = a.cancelledByTeam || a.attendance === 'cancelled';
  return (
    <article className="card samkraft-borger-appointment" aria-labelledby={headingId}>
      <div className="card-content">
        <h3 id={headingId} className="mt-0">
          <span className="samkraft-borger-weekday">{appointmentDay(a.startsAt, language)}</span>{' '}
          {t('appointments.timeRange', { from: appointmentTime(a.startsAt, language), to: appointmentTime(a.endsAt, language) })}
          {crossed ? <span className="sr-only"> – {t('appointments.cancelledShort')}</span> : null}
        </h3>
        {status ? <p className={`samkraft-borger-status${crossed ? ' samkraft-borger-status-cancelled' : ''}`}>{status}</p> : null}
        <p className="mb-1 mt-0">
          <strong>{a.interventionName}</strong> – {a.teamName}
        </p>
        <dl className="samkraft-borger-facts">
          <dt>{t('appointments.place')}</dt>
          <dd>{place === '' ? t('appointments.placeUnknown') : place}</dd>
          {a.address ? (
            <>
              <dt>{t('appointments.address')}</dt>
              <dd>{a.address}</dd>
            </>
          ) : null}
          <dt>{t('appointments.runBy')}</dt>
          <dd>{t('appointments.municipality', { name: a.municipality })}</dd>
        </dl>
        {done ? (
          <div className="alert alert-success" role="status">
            <div className="alert-body">
              <p className="alert-text">{t('appointments.cancelled')}</p>
            </div>
          </div>
        ) : null}
        {a.mayCancel ? (
          <>
            <p className="form-hint">{t('appointments.cancelUntil', { moment: appointmentMoment(a.cancelUntil, language) })}</p>
            {open ? (
              <CancelAppointmentForm
                sessionId={a.sessionId}
                onClose={() => setOpen(false)}
                onDone={() => {
                  setOpen(false);
                  setDone(true);
                }}
              />
            ) : (
              <button type="button" className="button button-secondary" onClick={() => setOpen(true)} aria-describedby={headingId}>
                {t('appointments.cancelButton')}
              </button>
            )}
          </>
        ) : a.cancelRefusal === 'cutoff_passed' ? (
          <p className="form-hint">{t('appointments.cutoffPassed', { moment: appointmentMoment(a.cancelUntil, language) })}</p>
        ) : null}
      </div>
    </article>
  );
}
