import { useTranslation } from 'react-i18next';
import { myDataUrl } from '../../features/borger/api/borgerApi.ts';
import { useCitizenPageTitle } from '../../features/borger/hooks/useCitizenPageTitle.ts';

/** "Mine data" (aktindsigt): the citizen downloads everything Samkraft holds about them, as a PDF or a machine-readable file. */
export function MyDataPage() {
  const { t } = useTranslation('borger');
  useCitizenPageTitle(t('myData.title'));
  return (
    <>
      <h1>{t('myData.title')}</h1>
      <p className="font-lead">{t('myData.intro')}</p>
      <section aria-labelledby="my-data-pdf" className="card mt-6">
        <div className="card-content">
          <h2 id="my-data-pdf" className="mt-0">
            {t('myData.pdfTitle')}
          </h2>
          <p>{t('myData.pdfText')}</p>
          <a className="button button-primary" href={myDataUrl('pdf')} download>
            {t('myData.pdf')}
          </a>
        </div>
      </section>
      <section aria-labelledby="my-data-json" className="card mt-6">
        <div className="card-content">
          <h2 id="my-data-json" className="mt-0">
            {t('myData.jsonTitle')}
          </h2>
          <p>{t('myData.jsonText')}</p>
          <a className="button button-secondary" href={myDataUrl('json')} download>
            {t('myData.json')}
          </a>
        </div>
      </section>
      <p className="mt-6">{t('myData.logged')}</p>
      <p className="form-hint">{t('myData.notIncluded')}</p>
    </>
  );
}
