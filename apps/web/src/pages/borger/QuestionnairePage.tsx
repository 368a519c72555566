import type { MyQuestionnaire } from '@samkraft/contracts/closing-questionnaire';
import { useTranslation } from 'react-i18next';
import { QuestionnaireForm } from '../../features/borger/components/QuestionnaireForm.tsx';
import { useMyQuestionnaires } from '../../features/borger/hooks/citizenQueries.ts';
import { useCitizenPageTitle } from '../../features/borger/hooks/useCitizenPageTitle.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { danishDateOf } from '../../ui/utils/danishDate.ts';
import { formatDate } from '../../ui/utils/formatDate.ts';

/** An answered or closed questionnaire: the answers, or that it can no longer be answered. */
function Closed({ q }: { q: MyQuestionnaire }) {
  const { t } = useTranslation('borger');
  const { language } = useLanguage();
  const label = (name: 'satisfaction' | 'benefit', v: number | null) => (v === null ? t('questionnaire.noAnswer') : t(`questionnaire.${name}Labels.${String(v) as '1'}`));
  if (q.state === 'expired') {
    return (
      <div className="alert alert-info" role="status">
        <div className="alert-body">
          <p className="alert-heading">{t('questionnaire.expiredTitle')}</p>
          <p className="alert-text">{t('questionnaire.expired', { date: formatDate(q.dueOn, language) })}</p>
        </div>
      </div>
    );
  }
  return (
    <>
      <div className="alert alert-success" role="status">
        <div className="alert-body">
          <p className="alert-heading">{t('questionnaire.thanksTitle')}</p>
          <p className="alert-text">{t('questionnaire.answeredOn', { date: formatDate(danishDateOf(q.answeredAt ?? q.requestedOn), language) })}</p>
        </div>
      </div>
      <dl className="samkraft-borger-answers">
        <dt>{t('questionnaire.satisfaction')}</dt>
        <dd>{label('satisfaction', q.satisfaction)}</dd>
        <dt>{t('questionnaire.benefit')}</dt>
        <dd>{label('benefit', q.benefit)}</dd>
      </dl>
    </>
  );
}

/** "Spørgeskema": the questionnaire at closing, answered on the citizen's own phone (issue 13.5). */
export function QuestionnairePage() {
  const { t } = useTranslation('borger');
  const list = useMyQuestionnaires();
  useCitizenPageTitle(t('questionnaire.title'));
  return (
    <>
      <h1>{t('questionnaire.title')}</h1>
      {list.isError ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('questionnaire.loadError')}</p>
          </div>
        </div>
      ) : null}
      {list.data && list.data.questionnaires.length === 0 ? (
        <div className="alert alert-info" role="status">
          <div className="alert-body">
            <p className="alert-text">{t('questionnaire.none')}</p>
          </div>
        </div>
      ) : null}
      {list.data?.questionnaires.map((q) => (
        <section key={q.id} className="mt-6">
          {q.state === 'open' ? <QuestionnaireForm questionnaire={q} /> : <Closed q={q} />}
        </section>
      ))}
    </>
  );
}
