import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A team participant away at hospital: only that — not where, not since when. */
export function AtHospitalBadge() {
  const { t } = useTranslation('hospitalNotifications');
  return (
    <Badge color="orange" variant="light" c="#7a2e00" ml="xs" title={t('team.atHospitalHint')}>
      {t('team.atHospital')}
    </Badge>
  );
}
