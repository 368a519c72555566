import { useTranslation } from 'react-i18next';
import { useCitizenPageTitle } from '../../features/borger/hooks/useCitizenPageTitle.ts';
import { MyDocumentList } from '../../features/borger/components/MyDocumentList.tsx';
import { useMyDocuments } from '../../features/borger/hooks/citizenQueries.ts';

/** "Mine dokumenter": the citizen's letters, plans and closing notes as PDF (the route sends anyone else to sign in). */
export function MyDocumentsPage() {
  const { t } = useTranslation('borger');
  const documents = useMyDocuments();
  useCitizenPageTitle(t('documents.title'));
  return (
    <>
      <h1>{t('documents.title')}</h1>
      <p className="font-lead">{t('documents.intro')}</p>
      {documents.isError ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('documents.loadError')}</p>
          </div>
        </div>
      ) : null}
      {documents.data && documents.data.documents.length === 0 ? (
        <div className="alert alert-info" role="status">
          <div className="alert-body">
            <p className="alert-text">{t('documents.none')}</p>
          </div>
        </div>
      ) : null}
      {documents.data && documents.data.documents.length > 0 ? <MyDocumentList documents={documents.data.documents} /> : null}
    </>
  );
}
