import { Anchor, Text } from '@mantine/core';
import type { StartPage } from '@samkraft/contracts/start';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../ui/Section.tsx';

export type AuditorStartProps = { data: Extract<StartPage, { kind: 'auditor' }> };

/** The data-protection role's start: what the role is for, and the way to the review. */
export function AuditorStart({ data }: AuditorStartProps) {
  const { t } = useTranslation();
  return (
    <Section title={`${t('start.auditorTitle')} · ${data.municipality.name}`}>
      <Text mb="sm">{t('start.auditorIntro')}</Text>
      <Anchor component={Link} to="/tilsyn">
        {t('start.auditorOpen')}
      </Anchor>
    </Section>
  );
}
