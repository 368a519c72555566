import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { useCourseHospitalStay } from '../hooks/useHospitalNotifications.ts';

const dark = { title: { color: '#1a1a1a' }, message: { color: '#1a1a1a' } };

/**
 * "Indlagt siden 2. 3. 2026, <afdeling>" on the course page, while the citizen is at hospital (and
 * the municipality acts on hospital notifications); a death the hospital reported, first, with the
 * way to the section where the contact person records it (`deceasedAnchor`).
 */
export function HospitalStayAlert({ courseId, deceasedAnchor }: { courseId: string; deceasedAnchor: string }) {
  const { t } = useTranslation('hospitalNotifications');
  const { language } = useLanguage();
  const data = useCourseHospitalStay(courseId).data;
  const day = (instant: string) => formatDate(danishDateOf(instant), language);
  const death = data?.death;
  if (death) {
    return (
      <Alert color="red" variant="light" role="alert" title={t('death.title')} styles={dark}>
        <Stack gap={4}>
          <Text size="sm">{death.department ? t('death.notifiedFrom', { date: day(death.notifiedAt), department: death.department }) : t('death.notified', { date: day(death.notifiedAt) })}</Text>
          <Text size="sm">{t('death.next')}</Text>
          <Anchor href={`#${deceasedAnchor}`} size="sm" c="red.9" fw={600}>
            {t('death.link')}
          </Anchor>
        </Stack>
      </Alert>
    );
  }
  const stay = data?.stay;
  if (!stay) return null;
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
