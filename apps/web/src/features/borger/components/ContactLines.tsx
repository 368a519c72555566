import type { CitizenContact } from '@samkraft/contracts/borger';
import { useTranslation } from 'react-i18next';
import { telHref } from '../utils/telHref.ts';

export type ContactLinesProps = { contact: CitizenContact; /** The municipality whose unit answers when the number is the unit's. */ municipality: string; unitText: 'callUnit' | 'callProviderUnit' };

/** A name and a number to call (a phone link), and an e-mail when there is one. */
export function ContactLines({ contact, municipality, unitText }: ContactLinesProps) {
  const { t } = useTranslation('borger');
  return (
    <>
      {contact.name ? <p className="mb-2 mt-0"><strong>{contact.name}</strong></p> : null}
      {contact.phone ? (
        <p className="mb-2 mt-0">
          <a href={telHref(contact.phone)}>{contact.phoneOf === 'unit' ? t(`myCourse.${unitText}`, { municipality, phone: contact.phone }) : t('myCourse.callPerson', { phone: contact.phone })}</a>
        </p>
      ) : (
        <p className="mb-2 mt-0">{t(unitText === 'callUnit' ? 'myCourse.noPhoneYet' : 'myCourse.noPhone')}</p>
      )}
      {contact.email ? (
        <p className="mb-0 mt-0">
          <a href={`mailto:${contact.email}`}>{t('myCourse.email', { email: contact.email })}</a>
        </p>
      ) : null}
    </>
  );
}
