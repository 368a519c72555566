import { useTranslation } from 'react-i18next';
import { AppointmentCard } from '../../features/borger/components/AppointmentCard.tsx';
import { CalendarFeedPanel } from '../../features/borger/components/CalendarFeedPanel.tsx';
import { useMyAppointments } from '../../features/borger/hooks/appointmentQueries.ts';
import { useCitizenPageTitle } from '../../features/borger/hooks/useCitizenPageTitle.ts';

/** The next sessions shown at once on a phone; the rest fold away under "Vis flere". */
const FIRST_SHOWN = 6;

/** "Mine aftaler": the signed-in citizen's team sessions, cancelling one, and the calendar (the route sends anyone else to sign in). */
export function MyAppointmentsPage() {
  const { t } = useTranslation('borger');
  const appointments = useMyAppointments();
  useCitizenPageTitle(t('appointments.title'));
  const data = appointments.data;
  return (
    <>
      <h1>{t('appointments.title')}</h1>
      <p className="font-lead">{t('appointments.intro')}</p>
      {appointments.isError ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('appointments.loadError')}</p>
          </div>
        </div>
      ) : null}
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('appointments.upcomingTitle')}</h2>
        {data && data.upcoming.length === 0 ? <p>{t('appointments.noneUpcoming')}</p> : null}
        {data?.upcoming.slice(0, FIRST_SHOWN).map((a) => <AppointmentCard key={a.sessionId} appointment={a} />)}
        {data && data.upcoming.length > FIRST_SHOWN ? (
          <details className="samkraft-borger-more mt-4">
            <summary>{t('appointments.showMore', { count: data.upcoming.length - FIRST_SHOWN })}</summary>
            {data.upcoming.slice(FIRST_SHOWN).map((a) => (
              <AppointmentCard key={a.sessionId} appointment={a} />
            ))}
          </details>
        ) : null}
      </section>
      {data && data.past.length > 0 ? (
        <section aria-labelledby="past-title">
          <h2 id="past-title">{t('appointments.pastTitle')}</h2>
          {data.past.map((a) => (
            <AppointmentCard key={a.sessionId} appointment={a} />
          ))}
        </section>
      ) : null}
      <CalendarFeedPanel />
    </>
  );
}
