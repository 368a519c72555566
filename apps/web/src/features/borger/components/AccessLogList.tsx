import type { AccessLogEntry } from '@samkraft/contracts/access-log';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatInstant } from '../../../ui/utils/formatInstant.ts';

export type AccessLogListProps = { entries: AccessLogEntry[] };

/** Each read as a short card: when, who (name and role, municipality), what was looked at and why. */
export function AccessLogList({ entries }: AccessLogListProps) {
  const { t } = useTranslation('borger');
  const { language } = useLanguage();
  return (
    <ol className="samkraft-borger-log">
      {entries.map((e) => (
        <li key={e.id} className="card">
          <div className="card-content">
            <p className="mb-1 mt-0 form-hint">
              <time dateTime={e.at}>{formatInstant(e.at, language)}</time>
            </p>
            <p className="mb-1 mt-0">
              <strong>
                {e.who.kind === 'citizen'
                  ? t('accessLog.you')
                  : e.who.kind === 'system'
                    ? t('accessLog.system')
                    : t('accessLog.staff', { name: e.who.name ?? '', roles: e.who.roles.map((r) => r[language]).join(', '), interpolation: { escapeValue: false } })}
              </strong>
              {e.who.municipality ? <span>{` · ${t('accessLog.municipality', { municipality: e.who.municipality.name })}`}</span> : null}
            </p>
            <p className="mb-1 mt-0">{t('accessLog.looked', { what: e.what[language], interpolation: { escapeValue: false } })}</p>
            <p className="mb-0 mt-0">{t('accessLog.why', { why: e.why[language], interpolation: { escapeValue: false } })}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
