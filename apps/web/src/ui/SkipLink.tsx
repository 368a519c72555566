import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

export type SkipLinkProps = { targetId: string };

export function SkipLink({ targetId }: SkipLinkProps) {
  const { t } = useTranslation();
  return (
    <a className={classes.skipLink} href={`#${targetId}`}>
      {t('app.skipToContent')}
    </a>
  );
}
