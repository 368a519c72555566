import type { MyDocument } from '@samkraft/contracts/my-documents';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { myDocumentUrl } from '../api/borgerApi.ts';

export type MyDocumentListProps = { documents: MyDocument[] };

/** The citizen's documents, newest first: title, date and the municipality, each with a link to the PDF. */
export function MyDocumentList({ documents }: MyDocumentListProps) {
  const { t } = useTranslation('borger');
  const { language } = useLanguage();
  return (
    <ul className="unstyled-list samkraft-borger-plain-list" aria-label={t('documents.title')}>
      {documents.map((d) => {
        const title = d.kind === 'action_plan' && d.version !== null && d.version > 1 ? t('documents.planVersion', { version: d.version }) : t(`documents.kind.${d.kind}`);
        const date = formatDate(d.date, language);
        return (
          <li key={d.id} className="card">
            <div className="card-content">
              <h2 className="h3 mt-0 mb-2">{title}</h2>
              <p className="mb-2 mt-0">{t(`documents.date.${d.kind}`, { date })}</p>
              <p className="mb-3 mt-0 form-hint">{t('documents.from', { municipality: d.homeMunicipality })}</p>
              <a className="button button-secondary" href={myDocumentUrl(d.id)} download>
                {t('documents.download')}
                <span className="sr-only">{t('documents.downloadLabel', { title, date })}</span>
              </a>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
