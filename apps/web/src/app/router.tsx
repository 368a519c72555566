import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type ErrorComponentProps,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router';
import i18next from 'i18next';
import { sessionQueryOptions } from '../features/auth/hooks/sessionQuery.ts';
import { ErrorPage } from '../pages/ErrorPage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';

// Every page but sign-in loads on first use, so the sign-in page and the worklist load only what they need.
// The shell comes with the feature texts, so no page under it ever shows a missing text.
const StaffShell = lazyRouteComponent(
  () => Promise.all([import('../features/shell/components/StaffShell.tsx'), import('../i18n/featureResources.ts').then((m) => m.addFeatureTexts(i18next))]).then(([shell]) => shell),
  'StaffShell',
);
const ActionPlanPage = lazyRouteComponent(() => import('../pages/ActionPlanPage.tsx'), 'ActionPlanPage');
const CataloguePage = lazyRouteComponent(() => import('../pages/CataloguePage.tsx'), 'CataloguePage');
const InterventionPage = lazyRouteComponent(() => import('../pages/InterventionPage.tsx'), 'InterventionPage');
const ClosingDaysPage = lazyRouteComponent(() => import('../pages/ClosingDaysPage.tsx'), 'ClosingDaysPage');
const PlanningPage = lazyRouteComponent(() => import('../pages/PlanningPage.tsx'), 'PlanningPage');
const MySessionsPage = lazyRouteComponent(() => import('../pages/MySessionsPage.tsx'), 'MySessionsPage');
const StaffUsersPage = lazyRouteComponent(() => import('../pages/StaffUsersPage.tsx'), 'StaffUsersPage');
const AuditReviewPage = lazyRouteComponent(() => import('../pages/AuditReviewPage.tsx'), 'AuditReviewPage');
const TransportPage = lazyRouteComponent(() => import('../pages/TransportPage.tsx'), 'TransportPage');
const SessionPage = lazyRouteComponent(() => import('../pages/SessionPage.tsx'), 'SessionPage');
const TeamPage = lazyRouteComponent(() => import('../pages/TeamPage.tsx'), 'TeamPage');
const TeamsPage = lazyRouteComponent(() => import('../pages/TeamsPage.tsx'), 'TeamsPage');
const CoursePage = lazyRouteComponent(() => import('../pages/CoursePage.tsx'), 'CoursePage');
const DeadlinePoliciesPage = lazyRouteComponent(() => import('../pages/DeadlinePoliciesPage.tsx'), 'DeadlinePoliciesPage');
const ClosingPage = lazyRouteComponent(() => import('../pages/ClosingPage.tsx'), 'ClosingPage');
const FollowUpPage = lazyRouteComponent(() => import('../pages/FollowUpPage.tsx'), 'FollowUpPage');
const StatusNotesPage = lazyRouteComponent(() => import('../pages/StatusNotesPage.tsx'), 'StatusNotesPage');
const CrossReferralPage = lazyRouteComponent(() => import('../pages/CrossReferralPage.tsx'), 'CrossReferralPage');
const IncomingReferralPage = lazyRouteComponent(() => import('../pages/IncomingReferralPage.tsx'), 'IncomingReferralPage');
const ProviderInboxPage = lazyRouteComponent(() => import('../pages/ProviderInboxPage.tsx'), 'ProviderInboxPage');
const NeedsAssessmentPage = lazyRouteComponent(() => import('../pages/NeedsAssessmentPage.tsx'), 'NeedsAssessmentPage');
const NewReferralPage = lazyRouteComponent(() => import('../pages/NewReferralPage.tsx'), 'NewReferralPage');
const StartPage = lazyRouteComponent(() => import('../pages/StartPage.tsx'), 'StartPage');
const WorklistPage = lazyRouteComponent(() => import('../pages/WorklistPage.tsx'), 'WorklistPage');
const ReportsPage = lazyRouteComponent(() => import('../pages/ReportsPage.tsx'), 'ReportsPage');
const DashboardPage = lazyRouteComponent(() => import('../pages/DashboardPage.tsx'), 'DashboardPage');
const SettlementPage = lazyRouteComponent(() => import('../pages/SettlementPage.tsx'), 'SettlementPage');
const ExtractsPage = lazyRouteComponent(() => import('../pages/ExtractsPage.tsx'), 'ExtractsPage');
const OrganisationsPage = lazyRouteComponent(() => import('../pages/OrganisationsPage.tsx'), 'OrganisationsPage');
const HospitalReferralsPage = lazyRouteComponent(() => import('../pages/HospitalReferralsPage.tsx'), 'HospitalReferralsPage');
const KlGatewayPage = lazyRouteComponent(() => import('../pages/KlGatewayPage.tsx'), 'KlGatewayPage');
const MessagesPage = lazyRouteComponent(() => import('../pages/MessagesPage.tsx'), 'MessagesPage');

// ── The citizen's pages (/borger, issue 13): their own shell with the DKFDS CSS and the citizen texts, all lazy ──
const CitizenShell = lazyRouteComponent(
  () => Promise.all([import('../features/borger/components/CitizenShell.tsx'), import('../i18n/borgerResources.ts').then((m) => m.addBorgerTexts(i18next))]).then(([shell]) => shell),
  'CitizenShell',
);
const MyCoursePage = lazyRouteComponent(() => import('../pages/borger/MyCoursePage.tsx'), 'MyCoursePage');
const PreparationPage = lazyRouteComponent(() => import('../pages/borger/PreparationPage.tsx'), 'PreparationPage');
const MyAppointmentsPage = lazyRouteComponent(() => import('../pages/borger/MyAppointmentsPage.tsx'), 'MyAppointmentsPage');
const MyDocumentsPage = lazyRouteComponent(() => import('../pages/borger/MyDocumentsPage.tsx'), 'MyDocumentsPage');
const QuestionnairePage = lazyRouteComponent(() => import('../pages/borger/QuestionnairePage.tsx'), 'QuestionnairePage');
const CitizenSignInPage = lazyRouteComponent(() => import('../pages/borger/CitizenSignInPage.tsx'), 'CitizenSignInPage');
const CitizenUnknownPage = lazyRouteComponent(() => import('../pages/borger/CitizenUnknownPage.tsx'), 'CitizenUnknownPage');
const CitizenSignedOutPage = lazyRouteComponent(() => import('../pages/borger/CitizenSignedOutPage.tsx'), 'CitizenSignedOutPage');
const AccessLogPage = lazyRouteComponent(() => import('../pages/borger/AccessLogPage.tsx'), 'AccessLogPage');
const MyDataPage = lazyRouteComponent(() => import('../pages/borger/MyDataPage.tsx'), 'MyDataPage');

export type RouterContext = { queryClient: QueryClient };

function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  return <ErrorPage error={error} reset={() => void router.invalidate()} />;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions);
    if (session) redirect({ to: '/', throw: true });
  },
  component: LoginPage,
});

/** Everything under this layout needs a session; without one the user goes to sign-in. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions);
    if (!session) redirect({ to: '/login', throw: true });
    return { session };
  },
  component: StaffShell,
});

const startRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/', component: StartPage });
const catalogueRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/katalog', component: CataloguePage });
const interventionRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/katalog/$code', component: InterventionPage });
const newReferralRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/henvisninger/ny', component: NewReferralPage });
const courseRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/forloeb/$courseId', component: CoursePage });
const needsAssessmentRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/forloeb/$courseId/behovsvurdering', component: NeedsAssessmentPage });
const actionPlanRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/forloeb/$courseId/handleplan', component: ActionPlanPage });
const worklistRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/arbejdsliste', component: WorklistPage });
const followUpRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/forloeb/$courseId/opfoelgning', component: FollowUpPage });
const closingRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/forloeb/$courseId/afslutning', component: ClosingPage });
const crossReferralRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/forloeb/$courseId/henvisning', component: CrossReferralPage });
const providerInboxRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/indbakke', component: ProviderInboxPage });
const statusNotesRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/statusnotater', component: StatusNotesPage });
const statusNoteRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/statusnotater/$statusNoteId', component: StatusNotesPage });
const incomingReferralRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/indbakke/$crossReferralId', component: IncomingReferralPage });
const closingDaysRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/lukkedage', component: ClosingDaysPage });
const transportRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/befordring', component: TransportPage });
const teamsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/hold', component: TeamsPage });
const teamRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/hold/$teamId', component: TeamPage });
const sessionRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/hold/$teamId/sessioner/$sessionId', component: SessionPage });
const planningRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/placering', component: PlanningPage });
const mySessionsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/mine-sessioner', component: MySessionsPage });
const staffUsersRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/brugere', component: StaffUsersPage });
const auditReviewRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/tilsyn', component: AuditReviewPage });
const reportsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/rapporter', component: ReportsPage });
const dashboardRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/overblik', component: DashboardPage });
const settlementRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/afregning', component: SettlementPage });
const extractsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/udtraek', component: ExtractsPage });
const hospitalReferralsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/sygehushenvisninger', component: HospitalReferralsPage });
const hospitalReferralRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/sygehushenvisninger/$draftId', component: HospitalReferralsPage });
const klGatewayRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/kl-gateway', component: KlGatewayPage });
const deadlinePoliciesRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/fristregler', component: DeadlinePoliciesPage });
const organisationsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/organisationer', component: OrganisationsPage });
const messagesRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/beskeder', component: MessagesPage });

const citizenRoute = createRoute({ getParentRoute: () => rootRoute, path: '/borger', component: CitizenShell });
/** Every citizen page but sign-in and its outcomes: a visitor with no citizen session is sent to sign in. */
async function requireCitizenSession({ context }: { context: { queryClient: QueryClient } }): Promise<void> {
  const { citizenSessionQueryOptions } = await import('../features/borger/hooks/citizenQueries.ts');
  const session = await context.queryClient.ensureQueryData(citizenSessionQueryOptions);
  if (!session) redirect({ to: '/borger/log-ind', throw: true });
}
const myCourseRoute = createRoute({ getParentRoute: () => citizenRoute, path: '/', beforeLoad: requireCitizenSession, component: MyCoursePage });
const preparationRoute = createRoute({ getParentRoute: () => citizenRoute, path: '/forberedelse', beforeLoad: requireCitizenSession, component: PreparationPage });
const myDocumentsRoute = createRoute({ getParentRoute: () => citizenRoute, path: '/dokumenter', beforeLoad: requireCitizenSession, component: MyDocumentsPage });
const questionnaireRoute = createRoute({ getParentRoute: () => citizenRoute, path: '/spoergeskema', beforeLoad: requireCitizenSession, component: QuestionnairePage });
const citizenSignInRoute = createRoute({
  getParentRoute: () => citizenRoute,
  path: '/log-ind',
  validateSearch: (search: Record<string, unknown>): { fejl?: string } => (typeof search.fejl === 'string' ? { fejl: search.fejl } : {}),
  component: function CitizenSignInRoute() {
    const { fejl } = citizenSignInRoute.useSearch();
    return <CitizenSignInPage error={fejl} />;
  },
});
const myAppointmentsRoute = createRoute({ getParentRoute: () => citizenRoute, path: '/aftaler', beforeLoad: requireCitizenSession, component: MyAppointmentsPage });
const citizenUnknownRoute = createRoute({ getParentRoute: () => citizenRoute, path: '/ukendt', component: CitizenUnknownPage });
const citizenSignedOutRoute = createRoute({ getParentRoute: () => citizenRoute, path: '/logget-ud', component: CitizenSignedOutPage });
const accessLogRoute = createRoute({ getParentRoute: () => citizenRoute, path: '/hvem-har-set', beforeLoad: requireCitizenSession, component: AccessLogPage });
const myDataRoute = createRoute({ getParentRoute: () => citizenRoute, path: '/mine-data', beforeLoad: requireCitizenSession, component: MyDataPage });
const citizenTree = citizenRoute.addChildren([myCourseRoute, myAppointmentsRoute, preparationRoute, questionnaireRoute, myDocumentsRoute, accessLogRoute, myDataRoute, citizenSignInRoute, citizenUnknownRoute, citizenSignedOutRoute]);

const routeTree = rootRoute.addChildren([loginRoute, citizenTree, signedInRoute.addChildren([startRoute, catalogueRoute, interventionRoute, newReferralRoute, courseRoute, needsAssessmentRoute, actionPlanRoute, followUpRoute, closingRoute, crossReferralRoute, providerInboxRoute, incomingReferralRoute, statusNotesRoute, statusNoteRoute, worklistRoute, closingDaysRoute, deadlinePoliciesRoute, transportRoute, teamsRoute, teamRoute, sessionRoute, reportsRoute, dashboardRoute, settlementRoute, planningRoute, mySessionsRoute, staffUsersRoute, auditReviewRoute, extractsRoute, hospitalReferralsRoute, hospitalReferralRoute, organisationsRoute, klGatewayRoute, messagesRoute])]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // The router waits for beforeLoad; query data is cached by TanStack Query, not the router.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
