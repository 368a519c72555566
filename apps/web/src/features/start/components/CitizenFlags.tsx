import { Group } from '@mantine/core';
import type { CitizenSummary } from '@samkraft/contracts/start';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../../ui/Tag.tsx';

export type CitizenFlagsProps = { citizen: Pick<CitizenSummary, 'protected' | 'vulnerable'> };

export function CitizenFlags({ citizen }: CitizenFlagsProps) {
  const { t } = useTranslation();
  if (!citizen.protected && !citizen.vulnerable) return null;
  return (
    <Group gap={4}>
      {citizen.protected ? <Tag tone="red">{t('citizen.protected')}</Tag> : null}
      {citizen.vulnerable ? <Tag tone="orange">{t('citizen.vulnerable')}</Tag> : null}
    </Group>
  );
}
