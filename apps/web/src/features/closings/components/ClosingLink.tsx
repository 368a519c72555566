import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The course page's way to the closing conversation and the closing note. */
export function ClosingLink({ courseId }: { courseId: string }) {
  const { t } = useTranslation('closings');
  return <Anchor href={`/forloeb/${courseId}/afslutning`}>{t('link')} →</Anchor>;
}
