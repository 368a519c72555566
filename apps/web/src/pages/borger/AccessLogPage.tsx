import { useTranslation } from 'react-i18next';
import { AccessLogList } from '../../features/borger/components/AccessLogList.tsx';
import { useMyAccessLog } from '../../features/borger/hooks/citizenQueries.ts';
import { useCitizenPageTitle } from '../../features/borger/hooks/useCitizenPageTitle.ts';

/** "Hvem har set mine oplysninger": every read of the citizen's data, newest first, older pages on demand. */
export function AccessLogPage() {
  const { t } = useTranslation('borger');
  const log = useMyAccessLog();
  useCitizenPageTitle(t('accessLog.title'));
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <h1>{t('accessLog.title')}</h1>
      <p className="font-lead">{t('accessLog.intro')}</p>
      <p>{t('accessLog.readsOnly')}</p>
      <p className="form-hint">{t('accessLog.ownReads')}</p>
      {log.isError ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('accessLog.loadError')}</p>
          </div>
        </div>
      ) : null}
      {log.data && entries.length === 0 ? <p>{t('accessLog.none')}</p> : null}
      <AccessLogList entries={entries} />
      {log.hasNextPage ? (
        <button type="button" className="button button-secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {log.isFetchingNextPage ? t('accessLog.loadingMore') : t('accessLog.more')}
        </button>
      ) : log.data && entries.length > 0 ? (
        <p className="form-hint">{t('accessLog.end')}</p>
      ) : null}
      <p className="mt-6">
        <a href="/api/borger/access-log/fhir" download>
          {t('accessLog.download')}
        </a>
      </p>
    </>
  );
}
