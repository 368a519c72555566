import { Anchor, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { CourseDetail } from '@samkraft/contracts/courses';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { Tag } from '../../../ui/Tag.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { courseStepLabel, courseStepTone } from '../utils/courseStep.ts';
import { lowerLabel } from '../../../i18n/vocabulary.ts';

export type CourseHeaderProps = { course: CourseDetail };

/** Who the course is for and where it stands; the page's h1 is above it. */
export function CourseHeader({ course }: CourseHeaderProps) {
  const { t } = useTranslation('referrals');
  const { language } = useLanguage();
  const c = course.citizen;
  const sub = [
    ['behovsvurdering', t('course.assessment')],
    ['handleplan', t('course.plan')],
    ['opfoelgning', t('course.followUp')],
  ] as const;
  return (
    <Paper withBorder p="md" radius="sm">
      <Group gap="xs" mb="sm">
        <Text fw={600}>{c.identifier}</Text>
        <Text>· {t('course.age', { age: String(c.age) })}</Text>
        <Tag tone={courseStepTone(course.step)}>{`${t('course.step')}: ${courseStepLabel(course.step, language)}`}</Tag>
        {c.protected ? <Tag tone="red">{t('course.protected')}</Tag> : null}
        {c.vulnerable ? <Tag tone="orange">{t('course.vulnerable')}</Tag> : null}
        {c.deceasedOn ? <Tag tone="gray">{t('course.deceased', { date: formatDate(c.deceasedOn, language) })}</Tag> : null}
        {course.closedOn ? (
          <Tag tone="gray">{`${t('course.closed', { date: formatDate(course.closedOn, language) })}${course.closeReason ? ` (${lowerLabel(t(`course.closeReason.${course.closeReason}`), language)})` : ''}`}</Tag>
        ) : null}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" m={0}>
        <div>
          <Text component="dt" size="sm" fw={500}>
            {t('course.address')}
          </Text>
          <Text component="dd" m={0}>
            {c.protected ? t('course.addressHidden') : (c.address ?? t('course.none'))}
          </Text>
        </div>
        <div>
          <Text component="dt" size="sm" fw={500}>
            {t('course.phone')}
          </Text>
          <Text component="dd" m={0}>
            {c.protected ? t('course.addressHidden') : (c.phone ?? t('course.none'))}
          </Text>
        </div>
      </SimpleGrid>
      <nav aria-label={t('course.subPages')}>
        <Group gap="md" mt="sm">
          {sub.map(([path, label]) => (
            // Plain links: the sub-pages belong to another feature and are reached by URL.
            <Anchor key={path} href={`/forloeb/${course.id}/${path}`}>
              {label}
            </Anchor>
          ))}
        </Group>
      </nav>
    </Paper>
  );
}
