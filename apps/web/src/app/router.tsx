import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router';
import { sessionQueryOptions } from '../features/auth/hooks/sessionQuery.ts';
import { StaffShell } from '../features/shell/components/StaffShell.tsx';
import { ActionPlanPage } from '../pages/ActionPlanPage.tsx';
import { CataloguePage } from '../pages/CataloguePage.tsx';
import { InterventionPage } from '../pages/InterventionPage.tsx';
import { ClosingDaysPage } from '../pages/ClosingDaysPage.tsx';
import { TransportPage } from '../pages/TransportPage.tsx';
import { SessionPage } from '../pages/SessionPage.tsx';
import { TeamPage } from '../pages/TeamPage.tsx';
import { TeamsPage } from '../pages/TeamsPage.tsx';
import { CoursePage } from '../pages/CoursePage.tsx';
import { DeadlinePoliciesPage } from '../pages/DeadlinePoliciesPage.tsx';
import { ClosingPage } from '../pages/ClosingPage.tsx';
import { FollowUpPage } from '../pages/FollowUpPage.tsx';
import { StatusNotesPage } from '../pages/StatusNotesPage.tsx';
import { CrossReferralPage } from '../pages/CrossReferralPage.tsx';
import { IncomingReferralPage } from '../pages/IncomingReferralPage.tsx';
import { ProviderInboxPage } from '../pages/ProviderInboxPage.tsx';
import { ErrorPage } from '../pages/ErrorPage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { NeedsAssessmentPage } from '../pages/NeedsAssessmentPage.tsx';
import { NewReferralPage } from '../pages/NewReferralPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { StartPage } from '../pages/StartPage.tsx';
import { WorklistPage } from '../pages/WorklistPage.tsx';
import { ReportsPage } from '../pages/ReportsPage.tsx';
import { ExtractsPage } from '../pages/ExtractsPage.tsx';

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
const reportsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/rapporter', component: ReportsPage });
const extractsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/udtraek', component: ExtractsPage });
const deadlinePoliciesRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/fristregler', component: DeadlinePoliciesPage });

const routeTree = rootRoute.addChildren([loginRoute, signedInRoute.addChildren([startRoute, catalogueRoute, interventionRoute, newReferralRoute, courseRoute, needsAssessmentRoute, actionPlanRoute, followUpRoute, closingRoute, crossReferralRoute, providerInboxRoute, incomingReferralRoute, statusNotesRoute, statusNoteRoute, worklistRoute, closingDaysRoute, deadlinePoliciesRoute, transportRoute, teamsRoute, teamRoute, sessionRoute, reportsRoute, extractsRoute])]);

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
