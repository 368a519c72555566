import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useCourseHospitalStay } from '../hooks/useHospitalNotifications.ts';

const dark = { title: { color: '#1a1a1a' }, message: { color: '#1a1a1a' } };

/** "Indlagt siden 2. 3. 2026, <afdeling>" on the course page, while the citizen is at hospital (and the municipality acts on hospital notifications). */
export function HospitalStayAlert({ courseId }: { courseId: string }) {
  const { t } = useTranslation('hospitalNotifications');
  const { language } = useLanguage();
  const stay = useCourseHospitalStay(courseId).data?.stay;
  if (!stay) return null;
  const day = (instant: string) => formatDate(danishDateOf(instant), language);
  const since = t(`stay.since.${stay.kind}`, { date: day(stay.since) });
  return (
    <Alert color="orange" variant="light" role="status" title={stay.department ? `${since}, ${stay.department}` : since} styles={dark}>
      <Stack gap={4}>
        {stay.onLeaveSince ? <Text size="sm">{t('stay.onLeave', { date: day(stay.onLeaveSince) })}</Text> : null}
        <Text size="sm">{t('stay.source')}</Text>
      </Stack>
    </Alert>
  );
}
