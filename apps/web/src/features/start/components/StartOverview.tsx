import type { StartPage } from '@samkraft/contracts/start';
import { AdministratorStart } from './AdministratorStart.tsx';
import { AuditorStart } from './AuditorStart.tsx';
import { ContactPersonStart } from './ContactPersonStart.tsx';
import { CoordinatorStart } from './CoordinatorStart.tsx';
import { LeadStart } from './LeadStart.tsx';
import { TherapistStart } from './TherapistStart.tsx';

export type StartOverviewProps = { data: StartPage };

export function StartOverview({ data }: StartOverviewProps) {
  switch (data.kind) {
    case 'contact_person':
      return <ContactPersonStart data={data} />;
    case 'therapist':
      return <TherapistStart data={data} />;
    case 'municipal_lead':
      return <LeadStart data={data} />;
    case 'coordinator':
      return <CoordinatorStart data={data} />;
    case 'administrator':
      return <AdministratorStart data={data} />;
    case 'auditor':
      return <AuditorStart data={data} />;
  }
}
