import { Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { legalBases } from '@samkraft/contracts/referrals';
import type { TransportResultDto } from '@samkraft/contracts/transport';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../ui/QueryState.tsx';
import { Tag } from '../../../ui/Tag.tsx';
import { useCrossReferralTransport } from '../hooks/useTransport.ts';
import { DecimalInput } from '../../../ui/DecimalInput.tsx';
import { isOneOf } from '@samkraft/contracts/common';

export type CrossReferralTransportProps = { crossReferralId: string; headingLevel?: 3 | 4 };

/** The citizen's right to transport or reimbursement for one cross-municipal referral (note Bilag K). */
export function CrossReferralTransport({ crossReferralId, headingLevel = 4 }: CrossReferralTransportProps) {
  const { t } = useTranslation('transport');
  const [condition, setCondition] = useState(false);
  const [cost, setCost] = useState<number | string>('');
  const query = useCrossReferralTransport(crossReferralId, { conditionExcludesPublicTransport: condition, cheapestCostDkk: typeof cost === 'number' && !Number.isNaN(cost) ? cost : null });
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('result.title')}>
      <Stack gap="xs">
        <Title order={headingLevel} size="h5">
          {t('result.title')}
        </Title>
        <Group align="flex-end" gap="xl">
          <DecimalInput label={t('result.cheapestCost')} min={0} max={100000} decimals={2} value={cost} onChange={setCost} w={260} />
          <Checkbox label={t('result.condition')} checked={condition} onChange={(e) => setCondition(e.currentTarget.checked)} mb={8} />
        </Group>
        <QueryState query={query}>{(r) => <TransportResultView result={r} />}</QueryState>
      </Stack>
    </Paper>
  );
}

function TransportResultView({ result }: { result: TransportResultDto }) {
  const { t } = useTranslation('transport');
  const b = result.legalBasis;
  const basis = b === null ? t('result.basisUnknown') : isOneOf(legalBases, b) ? t(`result.bases.${b}`) : b;
  const th = result.threshold;
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Tag tone={result.entitled ? 'green' : 'gray'}>{result.entitled ? t('result.entitled') : t('result.notEntitled')}</Tag>
        <Tag tone="blue">{t(`result.reimbursement.${result.reimbursement}`)}</Tag>
      </Group>
      <Text size="sm">
        <strong>{t('result.legalBasis')}:</strong> {basis}
      </Text>
      {th ? (
        <Text size="sm">
          <strong>{t('result.threshold')}:</strong> {t('result.thresholdUsed', { year: th.thresholdFrom, amount: th.minDkk })}
          {th.assumed ? ` — ${t('result.assumed', { year: th.year, from: th.thresholdFrom })}` : ''}
        </Text>
      ) : null}
      <Text size="sm" fw={600}>
        {t('result.why')}
      </Text>
      <List size="sm" spacing={2}>
        {result.explanationDa.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
