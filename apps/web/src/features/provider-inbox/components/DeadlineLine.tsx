import { Text } from '@mantine/core';
import type { Deadline } from '@samkraft/contracts/deadlines';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { lowerLabel } from '../../../i18n/vocabulary.ts';

type ProviderKind = 'provider_contact' | 'deeper_assessment' | 'provider_start';
const isProviderKind = (k: string): k is ProviderKind => k === 'provider_contact' || k === 'deeper_assessment' || k === 'provider_start';

export function DeadlineLine({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation('crossReferrals');
  const { language } = useLanguage();
  if (!isProviderKind(deadline.kind)) return null;
  const late = deadline.state === 'overdue' || deadline.state === 'met_late';
  return (
    <Text span fz="inherit" fw={late ? 700 : undefined}>
      {t('due', { kind: t(`deadlineKinds.${deadline.kind}`), date: formatDate(deadline.dueOn, language), state: lowerLabel(t(`deadlineStates.${deadline.state}`), language) })}
      {deadline.limitedBy === 'sul140' ? (
        <Text span fz="inherit" fw={700}>
          {' '}
          {t('limitedBySul140')}
        </Text>
      ) : null}
    </Text>
  );
}
