import type { TeamSummary } from '@samkraft/contracts/teams';
import { useTranslation } from 'react-i18next';

const weekdayKeys = { 1: 'weekdays.1', 2: 'weekdays.2', 3: 'weekdays.3', 4: 'weekdays.4', 5: 'weekdays.5', 6: 'weekdays.6', 7: 'weekdays.7' } as const;

function isWeekday(n: number): n is keyof typeof weekdayKeys {
  return n in weekdayKeys;
}

export function ScheduleText({ schedule }: { schedule: TeamSummary['schedule'] }) {
  const { t } = useTranslation('teams');
  return <>{schedule.map((s) => t('slot', { weekday: isWeekday(s.weekday) ? t(weekdayKeys[s.weekday]) : String(s.weekday), time: s.startTime, minutes: s.durationMinutes })).join(', ')}</>;
}
