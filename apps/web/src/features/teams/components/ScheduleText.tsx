import type { TeamSummary } from '@samkraft/contracts/teams';
import { useTranslation } from 'react-i18next';

type Weekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';

export function ScheduleText({ schedule }: { schedule: TeamSummary['schedule'] }) {
  const { t } = useTranslation('teams');
  return <>{schedule.map((s) => t('slot', { weekday: t(`weekdays.${String(s.weekday) as Weekday}`), time: s.startTime, minutes: s.durationMinutes })).join(', ')}</>;
}
