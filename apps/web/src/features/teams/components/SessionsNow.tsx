import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TeamSession } from '@samkraft/contracts/teams';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../i18n/language.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { RouterButton } from '../../../ui/RouterLink.tsx';
import { sessionsNow } from '../utils/sessionsNow.ts';
import { sessionWhen } from '../utils/teamFormat.ts';

/** Today's session (or the next) first on the team page: in the training room it is the one to open. */
export function SessionsNow({ teamId, sessions }: { teamId: string; sessions: readonly TeamSession[] }) {
  const { t } = useTranslation('teams');
  const { language } = useLanguage();
  const headingId = useId();
  const now = sessionsNow(sessions, new Date());
  if (!now) return null;
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby={headingId} data-testid="sessions-now" bg="blue.0">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {t(`now.${now.when}`)}
        </Title>
        {now.sessions.map((s) => (
          <Group key={s.id} justify="space-between" gap="sm">
            <Stack gap={0}>
              <Text fw={600}>{sessionWhen(s.startsAt, localeOf(language))}</Text>
              <Text size="sm">
                {[s.room, s.kind === 'follow_up' ? t('session.followUp') : null, s.cancelled ? t('now.cancelled', { reason: s.cancelReason ?? '' }) : t('now.recorded', { n: s.recorded })]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
            <RouterButton to="/hold/$teamId/sessioner/$sessionId" params={{ teamId, sessionId: s.id }} size="md" variant={s.cancelled ? 'outline' : 'filled'}>
              {now.when === 'today' && !s.cancelled ? t('now.record') : t('now.open')}
            </RouterButton>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
