import { useTranslation } from 'react-i18next';
import { PreparationFormView } from '../../features/borger/components/PreparationFormView.tsx';
import { useMyPreparationForms } from '../../features/borger/hooks/preparationFormQueries.ts';
import { useCitizenPageTitle } from '../../features/borger/hooks/useCitizenPageTitle.ts';

/** "Forberedelse": the preparation form "Støtte til livet med kræft" the contact person sent (issue 13.3). */
export function PreparationPage() {
  const { t } = useTranslation('borger');
  const forms = useMyPreparationForms();
  useCitizenPageTitle(t('preparation.title'));
  return (
    <>
      <h1>{t('preparation.title')}</h1>
      {forms.isError ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('preparation.loadError')}</p>
          </div>
        </div>
      ) : null}
      {forms.data && forms.data.forms.length === 0 ? (
        <div className="alert alert-info" role="status">
          <div className="alert-body">
            <p className="alert-text">{t('preparation.none')}</p>
          </div>
        </div>
      ) : null}
      {forms.data?.forms.map((f) => <PreparationFormView key={f.id} formId={f.id} />)}
    </>
  );
}
