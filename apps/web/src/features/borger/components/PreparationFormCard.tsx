import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMyPreparationForms } from '../hooks/preparationFormQueries.ts';

/** On "Mit forløb": a card when a preparation form awaits the citizen's answer (listing does not open it). */
export function PreparationFormCard() {
  const { t } = useTranslation('borger');
  const forms = useMyPreparationForms();
  if (!forms.data?.forms.some((f) => f.status !== 'answered')) return null;
  return (
    <section aria-labelledby="preparation-card-title" className="card mb-6">
      <div className="card-content">
        <h2 id="preparation-card-title" className="mt-0">
          {t('preparation.cardTitle')}
        </h2>
        <p>{t('preparation.cardBody')}</p>
        <Link to="/borger/forberedelse" className="button button-primary">
          {t('preparation.cardLink')}
        </Link>
      </div>
    </section>
  );
}
