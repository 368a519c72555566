import type { TeamSummary } from '@samkraft/contracts/teams';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../i18n/language.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { RouterAnchor } from '../../../ui/RouterLink.tsx';
import { sessionWhen } from '../utils/teamFormat.ts';
import { ScheduleText } from './ScheduleText.tsx';

export function TeamsTable({ teams }: { teams: readonly TeamSummary[] }) {
  const { t } = useTranslation('teams');
  const { language } = useLanguage();
  return (
    <DataTable
      rows={teams}
      rowKey={(r) => r.id}
      emptyText={t('empty')}
      columns={[
        {
          key: 'name',
          header: t('columns.name'),
          rowHeader: true,
          render: (r) => (
            <RouterAnchor to="/hold/$teamId" params={{ teamId: r.id }}>
              {r.name}
            </RouterAnchor>
          ),
        },
        { key: 'offering', header: t('columns.offering'), render: (r) => `${r.offering.interventionName} · ${t(`modes.${r.mode}`)}` },
        { key: 'schedule', header: t('columns.schedule'), render: (r) => <ScheduleText schedule={r.schedule} /> },
        { key: 'seats', header: t('columns.seats'), numeric: true, render: (r) => `${r.enrolled} / ${r.capacity}` },
        { key: 'waiting', header: t('columns.waiting'), numeric: true, render: (r) => r.waiting },
        { key: 'next', header: t('columns.next'), nowrap: true, render: (r) => (r.nextSessionAt ? sessionWhen(r.nextSessionAt, localeOf(language)) : '—') },
      ]}
    />
  );
}
