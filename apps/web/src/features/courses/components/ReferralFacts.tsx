import { Anchor, List, SimpleGrid, Text } from '@mantine/core';
import type { CourseDetail } from '@samkraft/contracts/courses';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { Section } from '../../../ui/Section.tsx';
import { formatDate } from '../../../ui/utils/formatDate.ts';

export type ReferralFactsProps = { course: CourseDetail };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

export function ReferralFacts({ course }: ReferralFactsProps) {
  const { t } = useTranslation('referrals');
  const { language } = useLanguage();
  const r = course.referral;
  const date = (d: string | null) => (d ? formatDate(d, language) : t('course.none'));
  const referrer = [r.referringOrganisation?.name, r.referringText].filter(Boolean).join(' – ') || t('course.none');
  return (
    <Section title={t('course.referralFacts')}>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" m={0}>
        <Fact label={t('intake.receivedOn')}>{date(r.receivedOn)}</Fact>
        <Fact label={t('intake.source')}>{t(`source.${r.source}`)}</Fact>
        <Fact label={t('intake.legalBasis')}>{r.legalBasis ? t(`legalBasis.${r.legalBasis}`) : t('course.none')}</Fact>
        <Fact label={t('intake.organisation')}>{referrer}</Fact>
        <Fact label={t('intake.diagnosis')}>{r.diagnosis ? `${r.diagnosis.code} ${r.diagnosis.title}` : t('course.none')}</Fact>
        <Fact label={t('intake.treatmentStatus')}>{r.treatmentStatus ? t(`treatmentStatus.${r.treatmentStatus}`) : t('course.none')}</Fact>
        <Fact label={t('intake.treatmentStartedOn')}>{date(r.treatmentStartedOn)}</Fact>
        <Fact label={t('intake.treatmentEndedOn')}>{date(r.treatmentEndedOn)}</Fact>
        {r.legalBasis === 'SUL140' ? (
          <>
            <Fact label={t('intake.dischargedOn')}>{date(r.dischargedOn)}</Fact>
            <Fact label={t('intake.planClinicalStartOn')}>{date(r.planClinicalStartOn)}</Fact>
          </>
        ) : null}
        <Fact label={t('intake.targetGroup')}>
          {r.targetGroup ? t(`targetGroup.${r.targetGroup}`) : t('course.none')}
          {r.targetGroupReasons.length > 0 ? `: ${r.targetGroupReasons.map((x) => t(`reason.${x}`)).join(', ')}` : ''}
          {r.targetGroupJustification ? ` — ${r.targetGroupJustification}` : ''}
        </Fact>
      </SimpleGrid>
      {course.linkedReferrals.length > 0 ? (
        <>
          <Text fw={500} mt="sm">
            {t('course.linked')}
          </Text>
          <List>
            {course.linkedReferrals.map((l) => {
              const text = t(l.direction === 'links_to' ? 'course.linksTo' : 'course.linkedFrom', { date: formatDate(l.receivedOn, language) });
              return <List.Item key={l.referralId}>{l.courseId ? <Anchor href={`/forloeb/${l.courseId}`}>{text}</Anchor> : text}</List.Item>;
            })}
          </List>
        </>
      ) : null}
    </Section>
  );
}
