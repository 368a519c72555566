import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useMyRelatives } from '../hooks/citizenQueries.ts';
import { telHref } from '../utils/telHref.ts';

export type MyRelativesSectionProps = { courseId: string };

/** The relatives registered on one of the citizen's courses, read-only (the contact person registers them). */
export function MyRelativesSection({ courseId }: MyRelativesSectionProps) {
  const { t } = useTranslation('borger');
  const { language } = useLanguage();
  const relatives = useMyRelatives();
  const mine = relatives.data?.relatives.filter((r) => r.courseId === courseId) ?? [];
  const titleId = `relatives-title-${courseId}`;
  return (
    <section aria-labelledby={titleId} className="mt-6">
      <h2 id={titleId}>{t('relatives.title')}</h2>
      {relatives.isError ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('relatives.loadError')}</p>
          </div>
        </div>
      ) : null}
      {relatives.isSuccess && mine.length === 0 ? <p>{t('relatives.none')}</p> : null}
      {mine.length > 0 ? (
        <>
          <p>{t('relatives.intro')}</p>
          <ul className="unstyled-list samkraft-borger-plain-list">
            {mine.map((r, i) => (
              <li key={i} className="card">
                <div className="card-content">
                  <h3 className="mt-0 mb-2">{r.name}</h3>
                  <p className="mb-2 mt-0">{t(`relatives.relation.${r.relation}`)}</p>
                  {r.phone ? (
                    <p className="mb-2 mt-0">
                      <a href={telHref(r.phone)}>{t('relatives.phone', { phone: r.phone })}</a>
                    </p>
                  ) : null}
                  <p className="mb-2 mt-0">{r.endsOn ? t('relatives.ended', { date: formatDate(r.endsOn, language) }) : t('relatives.since', { date: formatDate(r.startsOn, language) })}</p>
                  <p className="mb-0 mt-0 form-hint">{r.consentToShareWithProvider ? t('relatives.shared') : t('relatives.notShared')}</p>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
