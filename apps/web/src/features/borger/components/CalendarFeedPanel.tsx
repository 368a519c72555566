import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { calendarFileUrl } from '../api/appointmentsApi.ts';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from '../hooks/appointmentQueries.ts';
import { useCitizenSession } from '../hooks/citizenQueries.ts';

/**
 * The sessions in the citizen's own calendar: a file to download, or a link a phone's calendar
 * subscribes to. The link is a secret shown once; anyone with it sees the times and addresses,
 * which the page says before the citizen makes one.
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation('borger');
  const { language } = useLanguage();
  const csrfToken = useCitizenSession().data?.csrfToken ?? '';
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [link, setLink] = useState<string | null>(null);
  const enabled = feed.data?.enabled ?? false;
  const makeLink = () => create.mutate(csrfToken, { onSuccess: (r) => setLink(`${window.location.origin}${r.path}`) });
  return (
    <section aria-labelledby="calendar-title" className="mt-8">
      <h2 id="calendar-title">{t('appointments.calendar.title')}</h2>
      <p>{t('appointments.calendar.fileIntro')}</p>
      <p>
        <a className="button button-secondary" href={calendarFileUrl} download="samkraft-aftaler.ics">
          {t('appointments.calendar.download')}
        </a>
      </p>
      <h3>{t('appointments.calendar.feedTitle')}</h3>
      <p>{t('appointments.calendar.feedIntro')}</p>
      <div className="alert alert-warning">
        <div className="alert-body">
          <p className="alert-text">{t('appointments.calendar.privacy')}</p>
        </div>
      </div>
      <p role="status">{enabled && feed.data?.createdAt ? t('appointments.calendar.on', { date: formatDate(danishDateOf(feed.data.createdAt), language) }) : t('appointments.calendar.off')}</p>
      {link ? (
        <div className="form-group">
          <label className="form-label" htmlFor="calendar-link">
            {t('appointments.calendar.linkLabel')}
          </label>
          <span className="form-hint" id="calendar-link-hint">
            {t('appointments.calendar.linkHint')}
          </span>
          <input className="form-input samkraft-borger-link" id="calendar-link" aria-describedby="calendar-link-hint" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <p className="mt-3">
            <a href={link.replace(/^https?:/, 'webcal:')}>{t('appointments.calendar.subscribe')}</a>
          </p>
        </div>
      ) : null}
      {create.isError || revoke.isError ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('appointments.calendar.error')}</p>
          </div>
        </div>
      ) : null}
      <div className="samkraft-borger-actions">
        <button type="button" className="button button-primary" onClick={makeLink} disabled={create.isPending}>
          {enabled ? t('appointments.calendar.renew') : t('appointments.calendar.create')}
        </button>
        {enabled ? (
          <button type="button" className="button button-secondary" disabled={revoke.isPending} onClick={() => revoke.mutate(csrfToken, { onSuccess: () => setLink(null) })}>
            {t('appointments.calendar.revoke')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
