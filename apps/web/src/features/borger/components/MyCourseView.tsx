import type { MyCourse } from '@samkraft/contracts/borger';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { ContactLines } from './ContactLines.tsx';
import { MyRelativesSection } from './MyRelativesSection.tsx';

export type MyCourseViewProps = { course: MyCourse };

/** One open course as the citizen reads it: who to call, the plan with its goals, the services and who provides them. */
export function MyCourseView({ course }: MyCourseViewProps) {
  const { t } = useTranslation('borger');
  const { language } = useLanguage();
  const date = (d: string) => formatDate(d, language);
  const plan = course.plan;
  return (
    <>
      <p className="font-lead">{t('myCourse.intro', { municipality: course.homeMunicipality })}</p>
      <p>{t('myCourse.opened', { date: date(course.openedOn) })}</p>

      <section aria-labelledby="contact-title" className="mt-6">
        <h2 id="contact-title">{t('myCourse.contactTitle')}</h2>
        <div className="card">
          <div className="card-content">
            {course.contactPerson.name === null && course.contactPerson.phoneOf !== 'unit' ? <p>{t('myCourse.noContactPerson')}</p> : null}
            <ContactLines contact={course.contactPerson} municipality={course.homeMunicipality} unitText="callUnit" />
          </div>
        </div>
      </section>

      <section aria-labelledby="plan-title" className="mt-6">
        <h2 id="plan-title">{t('myCourse.planTitle')}</h2>
        {plan ? (
          <>
            <p>{t('myCourse.planAgreed', { date: date(plan.agreedOn) })}</p>
            <h3>{t('myCourse.difficulties')}</h3>
            <p className="samkraft-borger-text">{plan.difficultiesAndNeeds}</p>
            <h3>{t('myCourse.purpose')}</h3>
            <p className="samkraft-borger-text">{plan.purposeAndContent}</p>
            <h3>{t('myCourse.goalsTitle')}</h3>
            {plan.goals.length === 0 ? (
              <p>{t('myCourse.noGoals')}</p>
            ) : (
              <ul className="samkraft-borger-goals">
                {plan.goals.map((g, i) => (
                  <li key={i}>
                    <p className="mb-1 mt-0">{g.description}</p>
                    <p className="mb-0 mt-0 form-hint">
                      {g.targetOn ? `${t('myCourse.goalBy', { date: date(g.targetOn) })} · ` : ''}
                      {t(`myCourse.goalStatus.${g.status}`)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {plan.responsibilities.length > 0 ? (
              <>
                <h3>{t('myCourse.responsibilitiesTitle')}</h3>
                <ul>
                  {plan.responsibilities.map((r, i) => (
                    <li key={i}>
                      {r.part}: {r.responsible}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p>
              {t('myCourse.location')}: {plan.location}
            </p>
            <p>{t('myCourse.nextFollowUp', { date: date(plan.firstFollowUpOn) })}</p>
          </>
        ) : (
          <div className="alert alert-info" role="status">
            <div className="alert-body">
              <p className="alert-text">{t('myCourse.noPlan')}</p>
            </div>
          </div>
        )}
      </section>

      <section aria-labelledby="interventions-title" className="mt-6">
        <h2 id="interventions-title">{t('myCourse.interventionsTitle')}</h2>
        {course.interventions.length === 0 ? <p>{t('myCourse.noInterventions')}</p> : null}
        {course.interventions.map((x, i) => (
          <div className="card" key={i}>
            <div className="card-content">
              <h3 className="mt-0">{x.name}</h3>
              <p className="mb-2 mt-0">{t('myCourse.providedBy', { municipality: x.providerMunicipality })}</p>
              {x.placeName ? <p className="mb-2 mt-0">{t('myCourse.where', { place: [x.placeName, x.address].filter(Boolean).join(', ') })}</p> : null}
              <p className="mb-3 mt-0">
                <span className="badge badge-info">{t(`myCourse.interventionStatus.${x.status}`)}</span>
              </p>
              <h4 className="mb-2">{t('myCourse.interventionContact')}</h4>
              <ContactLines contact={x.contact} municipality={x.providerMunicipality} unitText="callProviderUnit" />
            </div>
          </div>
        ))}
      </section>

      <MyRelativesSection courseId={course.id} />
    </>
  );
}
