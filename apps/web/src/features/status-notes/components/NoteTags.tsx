import { useTranslation } from 'react-i18next';
import { Tag } from '../../../ui/Tag.tsx';

/** "Ulæst" or "Læst": the text carries the state, the tint only helps. */
export function ReadTag({ readAt }: { readAt: string | null }) {
  const { t } = useTranslation('statusNotes');
  return readAt === null ? <Tag tone="yellow">{t('unread')}</Tag> : <Tag tone="gray">{t('read')}</Tag>;
}
