import type { CourseSummary } from '@samkraft/contracts/start';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { courseStepLabel, courseStepTone } from '../../courses/utils/courseStep.ts';
import { CitizenFlags } from './CitizenFlags.tsx';

export type CourseTableProps = { courses: readonly CourseSummary[]; emptyText: string };

export function CourseTable({ courses, emptyText }: CourseTableProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns: Column<CourseSummary>[] = [
    {
      key: 'name',
      header: t('columns.name'),
      rowHeader: true,
      render: (c) => (
        <RouterAnchor to="/forloeb/$courseId" params={{ courseId: c.courseId }}>
          {c.citizen.name}
        </RouterAnchor>
      ),
    },
    { key: 'identifier', header: t('columns.identifier'), nowrap: true, render: (c) => c.citizen.identifier },
    {
      key: 'diagnosis',
      header: t('columns.diagnosis'),
      render: (c) => (c.diagnosis ? `${c.diagnosis.code} ${c.diagnosis.title}` : t('citizen.noDiagnosis')),
    },
    { key: 'received', header: t('columns.received'), nowrap: true, render: (c) => formatDate(c.receivedOn, language) },
    {
      key: 'step',
      header: t('columns.step'),
      render: (c) => <Tag tone={courseStepTone(c.step)}>{courseStepLabel(c.step, language)}</Tag>,
    },
    { key: 'notes', header: t('columns.notes'), render: (c) => <CitizenFlags citizen={c.citizen} /> },
  ];
  return <DataTable columns={columns} rows={courses} rowKey={(c) => c.courseId} emptyText={emptyText} />;
}
