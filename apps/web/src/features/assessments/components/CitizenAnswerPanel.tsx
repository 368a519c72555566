import { List, Paper, Text, Title } from '@mantine/core';
import type { CitizenPreparationAnswer } from '@samkraft/contracts/preparation-forms';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { danishDateOf } from '../../../ui/utils/danishDate.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';

export type CitizenAnswerPanelProps = { answer: CitizenPreparationAnswer; answeredAt: string };

/** "Borgerens egen besvarelse": the citizen's submitted preparation form, as they sent it, beside the professional's assessment. */
export function CitizenAnswerPanel({ answer, answeredAt }: CitizenAnswerPanelProps) {
  const { t } = useTranslation('assessments');
  const { language } = useLanguage();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="citizen-answer-title" bg="var(--mantine-color-gray-0)">
      <Title order={2} size="h3" id="citizen-answer-title">
        {t('preparation.citizenAnswer')}
      </Title>
      <Text size="sm" mb="sm">
        {t('preparation.citizenAnswerIntro', { date: formatDate(danishDateOf(answeredAt), language) })}
      </Text>
      <Text fw={600}>{answer.scaleScore === null ? t('preparation.citizenNoScale') : t('preparation.citizenScale', { score: answer.scaleScore })}</Text>
      {answer.problems.length === 0 ? (
        <Text size="sm" mt="xs">
          {t('noProblems')}
        </Text>
      ) : (
        <List size="sm" mt="xs">
          {answer.problems.map((p) => (
            <List.Item key={p.itemCode}>
              {t(`areas.${p.area}`)}: {language === 'en' ? p.labelEn : p.labelDa}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm" mt="sm">
        <strong>{t('preparation.citizenWhatMattersMost')}</strong> {answer.whatMattersMost ?? t('preparation.citizenNoText')}
      </Text>
    </Paper>
  );
}
