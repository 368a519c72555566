import { useTranslation } from 'react-i18next';
import { useCitizenPageTitle } from '../../features/borger/hooks/useCitizenPageTitle.ts';
import { MyCourseView } from '../../features/borger/components/MyCourseView.tsx';
import { PreparationFormCard } from '../../features/borger/components/PreparationFormCard.tsx';
import { useCitizenSession, useMyCourses } from '../../features/borger/hooks/citizenQueries.ts';

/** "Mit forløb": the signed-in citizen's open courses (the route sends anyone else to sign in). */
export function MyCoursePage() {
  const { t } = useTranslation('borger');
  const session = useCitizenSession();
  const courses = useMyCourses();
  useCitizenPageTitle(t('myCourse.title'));
  const citizen = session.data?.citizen;
  return (
    <>
      <h1>{t('myCourse.title')}</h1>
      {citizen ? <p className="mb-4">{t('myCourse.greeting', { name: `${citizen.givenName} ${citizen.familyName}` })}</p> : null}
      <PreparationFormCard />
      {courses.isError ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('myCourse.loadError')}</p>
          </div>
        </div>
      ) : null}
      {courses.data && courses.data.courses.length === 0 ? (
        <div className="alert alert-info" role="status">
          <div className="alert-body">
            <p className="alert-text">{t('myCourse.none')}</p>
          </div>
        </div>
      ) : null}
      {courses.data?.courses.map((c) => <MyCourseView key={c.id} course={c} />)}
    </>
  );
}
