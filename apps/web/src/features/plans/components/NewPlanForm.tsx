import { Alert, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { formatDate } from '../../../ui/utils/formatDate.ts';
import { usePlanDraft } from '../hooks/usePlans.ts';
import { ActionPlanForm } from './ActionPlanForm.tsx';

/**
 * The first plan, its difficulties and needs drafted by the server from the latest needs
 * assessment; the contact person edits them and confirms by saving.
 */
export function NewPlanForm({ courseId, onDone }: { courseId: string; onDone: () => void }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const draft = usePlanDraft(courseId);
  if (draft.isPending) return <Loader size="sm" aria-label={t('draftLoading')} />;
  // Without a draft (none to read, or it failed) the form starts empty as before.
  const basedOn = draft.data?.basedOn ?? null;
  return (
    <Stack gap="md">
      {basedOn ? (
        <Alert color="blue" variant="light" role="status" styles={{ message: { color: '#1a1a1a' } }}>
          {t('draftFrom', { date: formatDate(basedOn.assessedOn, language) })}
        </Alert>
      ) : null}
      <ActionPlanForm courseId={courseId} current={null} onDone={onDone} draftedDifficulties={draft.data?.difficultiesAndNeeds ?? null} />
    </Stack>
  );
}
