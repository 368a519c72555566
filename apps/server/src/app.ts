import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions } from 'fastify';
import pino from 'pino';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuthentication } from './features/auth/auth.plugin.ts';
import { registerAssessmentRoutes } from './features/assessments/assessment.routes.ts';
import { registerPreparationFormRoutes } from './features/assessments/preparation-form.routes.ts';
import { registerAuthRoutes } from './features/auth/auth.routes.ts';
import { registerStaffContactRoutes } from './features/auth/staff-contact.routes.ts';
import { registerStaffSessionRoutes } from './features/auth/staff-sessions.routes.ts';
import { localBackChannel, registerDemoIdentityProviders } from './features/auth/demo-identity-providers.routes.ts';
import { demoStaffDirectory } from './features/auth/demo-staff-directory.ts';
import { DEMO_IDP_CERTIFICATE, DEMO_IDP_PRIVATE_KEY } from './features/auth/demo-keys.ts';
import { samlUrls } from './platform/auth/saml/saml-service-provider.ts';
import { readKey, type StaffSignIn } from './features/auth/sign-in-config.ts';
import { oidcUrls } from './features/auth/staff-oidc-relying-party.ts';
import { registerStaffSignInRoutes } from './features/auth/staff-sign-in.routes.ts';
import type { AuthDeps } from './features/auth/auth.service.ts';
import { SESSION_CLEANUP_INTERVAL_MS, startSessionCleanup } from './features/auth/session-cleanup.service.ts';
import { registerCalendarRoutes } from './features/calendar/calendar.routes.ts';
import { registerCatalogueRoutes } from './features/catalogue/catalogue.routes.ts';
import { registerClosingRoutes } from './features/closings/closing.routes.ts';
import { registerQuestionnaireRoutes } from './features/closings/questionnaire.routes.ts';
import { registerCitizenSearchRoutes } from './features/citizen-search/citizen-search.routes.ts';
import { registerCitizenRoutes } from './features/citizens/citizen.routes.ts';
import { registerCourseRoutes } from './features/courses/course.routes.ts';
import { registerCrossReferralRoutes } from './features/cross-referrals/cross-referral.routes.ts';
import { registerDeadlineRoutes } from './features/deadlines/deadline.routes.ts';
import { registerFhirRoutes } from './features/fhir-api/fhir-api.routes.ts';
import { registerFollowUpRoutes } from './features/follow-ups/follow-up.routes.ts';
import { registerHealthRoutes } from './features/health/health.routes.ts';
import { registerOrganisationRoutes } from './features/organisations/organisation.routes.ts';
import { registerHospitalNotificationRoutes } from './features/hospital-notifications/hospital-notification.routes.ts';
import { registerHospitalReferralRoutes } from './features/hospital-referrals/hospital-referral.routes.ts';
import { registerPlanRoutes } from './features/plans/plan.routes.ts';
import { registerProviderInboxRoutes } from './features/provider-inbox/provider-inbox.routes.ts';
import { registerStatusNoteRoutes } from './features/status-notes/status-note.routes.ts';
import { registerReferenceRoutes } from './features/reference/reference.routes.ts';
import { registerReferralRoutes } from './features/referrals/referral.routes.ts';
import { registerStartRoutes } from './features/start/start.routes.ts';
import { registerSuggestionRoutes } from './features/suggestions/suggestions.routes.ts';
import { registerPlanningRoutes } from './features/planning/planning.routes.ts';
import { registerTransportRoutes } from './features/transport/transport.routes.ts';
import { registerExtractRoutes } from './features/extracts/extract.routes.ts';
import { registerDashboardRoutes } from './features/reports/dashboard.routes.ts';
import { registerReportRoutes } from './features/reports/report.routes.ts';
import { reportJobHandler } from './features/reports/report-job.service.ts';
import { importJobHandler } from './features/extracts/extract-job.service.ts';
import { createJobQueue } from './features/jobs/job.service.ts';
import { registerJobRoutes } from './features/jobs/job.routes.ts';
import { registerWorklistRoutes } from './features/worklist/worklist.routes.ts';
import { registerTeamRoutes } from './features/teams/team.routes.ts';
import { registerAttendanceRoutes } from './features/attendance/attendance.routes.ts';
import { registerKlGatewayRoutes } from './features/kl-gateway/kl-gateway.routes.ts';
import { registerSettlementRoutes } from './features/settlement/settlement.routes.ts';
import { fileDropTransport } from './features/messaging/file-drop.transport.ts';
import type { MessageTransport } from './features/messaging/message-transport.ts';
import { startMessaging } from './features/messaging/messaging-runner.ts';
import { registerMessagingRoutes } from './features/messaging/messaging.routes.ts';
// The citizen's door (issue 13): citizen sign-in, the demo identity provider, the citizen's pages' API.
import { registerCitizenAuthentication } from './features/citizen-auth/citizen-auth.plugin.ts';
import { registerCitizenAuthRoutes } from './features/citizen-auth/citizen-auth.routes.ts';
import { startCitizenSessionCleanup } from './features/citizen-auth/citizen-session.service.ts';
import { citizenSamlProvider } from './features/citizen-auth/citizen-saml.ts';
import { registerCitizenSamlRoutes } from './features/citizen-auth/citizen-saml.routes.ts';
import { demoBackChannel, registerDemoIdentityProvider } from './features/citizen-auth/demo-identity-provider.routes.ts';
import { registerDemoNemLogIn } from './features/citizen-auth/demo-nemlogin.routes.ts';
import { oidcRelyingParty } from './features/citizen-auth/oidc-relying-party.ts';
import { registerMyCourseRoutes } from './features/citizen-portal/my-course.routes.ts';
import { registerAccessLogRoutes } from './features/access-log/access-log.routes.ts';
import { startAuditRetention } from './features/audit-review/audit-retention.service.ts';
import { registerAuditReviewRoutes } from './features/audit-review/audit-review.routes.ts';
import { registerMyDataRoutes } from './features/my-data/my-data.routes.ts';
import { registerAppointmentRoutes } from './features/citizen-appointments/appointments.routes.ts';
import { registerMyDocumentsRoutes } from './features/citizen-portal/my-documents.routes.ts';
import { registerMyRelativesRoutes } from './features/citizen-portal/my-relatives.routes.ts';
import { registerRelativeRoutes } from './features/relatives/relative.routes.ts';
import { registerRelativeAttendanceRoutes } from './features/attendance/relative-attendance.routes.ts';
import { registerPublicCatalogueRoutes } from './features/public-catalogue/public-catalogue.routes.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/database/database.ts';
import { handleError } from './platform/http/error-handler.ts';
import { registerSessionGuard } from './platform/http/session-guard.ts';
import { redactedError, redactedRequest } from './platform/http/log-redaction.ts';
import type { App } from './platform/http/types.ts';

export type AppDeps = {
  database: Database;
  /** A read replica for the reports' long reads (DATABASE_REPLICA_URL); the primary when absent. */
  replica?: Database;
  clock: Clock;
  config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours' | 'cookieSecure' | 'demo' | 'webDistDir' | 'logLevel'> & Partial<Pick<Config, 'demoServer' | 'trustedProxies' | 'signInLimitPerMinute' | 'citizenSignIn' | 'citizenSaml'>>;
  logger?: FastifyServerOptions['logger'];
  /** How often expired sessions are removed (tests shorten it); SESSION_CLEANUP_INTERVAL_MS by default. */
  sessionCleanupIntervalMs?: number;
  /**
   * The messaging module: its transport (a file drop in `dir` unless given), how often the inbox
   * and outbox passes run (0 or absent = never: tests run them themselves), and the message
   * route's shared token (absent = the route refuses every message).
   */
  messaging?: { dir?: string; transport?: MessageTransport; intervalMs?: number; token?: string; limitPerMinute?: number };
  /** The audit log's retention (months, at least the floor) and how often its purge runs (0 or absent = never: tests run it themselves). */
  auditRetention?: { months: number; intervalMs: number };
  /**
   * Staff sign-in (features/auth/sign-in-config.ts, resolved at start): the methods on, the
   * identity providers and whether the local ones are mounted. Absent: passwords, and demo
   * users in demo mode, as before identity providers (the route tests' default).
   */
  staffSignIn?: StaffSignIn;
};

/**
 * Every schema is zod. Given as the compilers' factories (not set after construction), Fastify
 * never loads its default ones — Ajv and fast-json-stringify, a good part of the start-up time —
 * only to replace them. Fastify types the factories for Ajv; at run time any compiler of the
 * route's schema is taken.
 */
const zodCompilers = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/** Mounts every feature's routes on one Fastify instance; the one error mapper lives here. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel, serializers: { req: redactedRequest, err: redactedError(pino.stdSerializers.err) } },
    // X-Forwarded-For is believed only from the proxies named in SAMKRAFT_TRUSTED_PROXIES: from
    // anyone else it is the client's own say, and would let it pick its address (and so escape
    // the sign-in limit per address).
    trustProxy: deps.config.trustedProxies?.length ? deps.config.trustedProxies : false,
    bodyLimit: 1_048_576,
    schemaController: { compilersFactory: zodCompilers },
  }).withTypeProvider<ZodTypeProvider>();
  app.setErrorHandler(handleError);
  // Kept so a test can prove every route is in the OpenAPI document.
  const routes: { method: string; url: string }[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url });
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Samkraft API', version: '0.1.0', description: 'Cross-municipal cancer rehabilitation and palliation.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'samkraft_session' },
          messageToken: { type: 'http', scheme: 'bearer' },
          citizenSession: { type: 'apiKey', in: 'cookie', name: 'samkraft_borger' },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes; no inline scripts are allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.cookieSecure ? [] : null,
      },
    },
  });
  await app.register(fastifyRateLimit, { global: false });

  const db = deps.database.db;
  const staffSignIn: StaffSignIn = deps.staffSignIn ?? {
    methods: new Set(deps.config.demo ? ['password', 'demo'] : ['password']),
    personDataLevel: 'substantial',
    providers: [],
    publicUrl: 'http://localhost',
    localProviders: false,
  };
  const authDeps: AuthDeps = {
    db,
    clock: deps.clock,
    policy: { idleMinutes: deps.config.sessionIdleMinutes, maxHours: deps.config.sessionMaxHours },
    demo: deps.config.demo,
    demoServer: deps.config.demoServer ?? false,
    methods: staffSignIn.methods,
    personDataLevel: staffSignIn.personDataLevel,
  };
  registerAuthentication(app, authDeps);
  registerSessionGuard(app, db);
  // ── The citizen's door (issue 13): own sessions under /api/borger/, the demo identity provider in demo mode ──
  const citizenSignIn = deps.config.citizenSignIn ?? { mode: 'off' as const };
  const citizenSaml = deps.config.citizenSaml;
  registerCitizenAuthentication(app, { db, clock: deps.clock, idleMinutes: citizenSignIn.mode !== 'off' ? citizenSignIn.idleMinutes : (citizenSaml?.idleMinutes ?? 15) });
  if (citizenSignIn.mode === 'demo') registerDemoIdentityProvider(app, citizenSignIn);
  const citizenRp = citizenSignIn.mode === 'off' ? undefined : oidcRelyingParty(citizenSignIn, citizenSignIn.mode === 'demo' ? demoBackChannel(app, citizenSignIn.issuer) : undefined);
  // NemLog-in (SAML) beside the broker; in demo mode the local NemLog-in IdP under /demo-nemlogin.
  const citizenSp = citizenSaml ? citizenSamlProvider(citizenSaml) : undefined;
  if (citizenSaml?.mode === 'demo') registerDemoNemLogIn(app, citizenSaml);
  if (citizenSaml && citizenSp) registerCitizenSamlRoutes(app, { db, clock: deps.clock, sessions: citizenSaml, sp: citizenSp, cookieSecure: deps.config.cookieSecure });
  registerCitizenAuthRoutes(app, { db, clock: deps.clock, signIn: citizenSignIn, rp: citizenRp, saml: citizenSp, cookieSecure: deps.config.cookieSecure });
  registerMyCourseRoutes(app, { db, clock: deps.clock });
  registerAccessLogRoutes(app, { db, clock: deps.clock });
  registerMyDataRoutes(app, { db, clock: deps.clock });
  registerAppointmentRoutes(app, { db, clock: deps.clock });
  registerMyDocumentsRoutes(app, { db, clock: deps.clock });
  registerMyRelativesRoutes(app, { db, clock: deps.clock });
  registerQuestionnaireRoutes(app, { db, clock: deps.clock });
  registerPublicCatalogueRoutes(app, { db, clock: deps.clock });
  const citizenSessionCleanup = startCitizenSessionCleanup({ db, clock: deps.clock, log: app.log }, deps.sessionCleanupIntervalMs ?? SESSION_CLEANUP_INTERVAL_MS);
  app.addHook('onClose', () => citizenSessionCleanup.stop());
  // ── end of the citizen's door ──
  registerHealthRoutes(app, deps.database);
  registerAuthRoutes(app, authDeps, { cookieSecure: deps.config.cookieSecure, signInLimitPerMinute: deps.config.signInLimitPerMinute ?? 10 });
  registerStaffContactRoutes(app, { db, clock: deps.clock });
  registerStaffSessionRoutes(app, { db, clock: deps.clock });
  // ── Staff sign-in through identity providers (issue 15): SAML (KOMBIT) and OIDC; the local providers in demo mode ──
  if (staffSignIn.localProviders) registerLocalStaffProviders(app, staffSignIn);
  registerStaffSignInRoutes(app, { auth: authDeps, signIn: staffSignIn }, { cookieSecure: deps.config.cookieSecure, ...(staffSignIn.localProviders ? { backChannel: (issuer: string) => localBackChannel(app, issuer) } : {}) });
  registerStartRoutes(app, { db, clock: deps.clock });
  registerAuditReviewRoutes(app, { db, clock: deps.clock });
  registerCitizenRoutes(app, { db, clock: deps.clock });
  registerCitizenSearchRoutes(app, { db, clock: deps.clock });
  registerReferenceRoutes(app, { db, clock: deps.clock });
  registerReferralRoutes(app, { db, clock: deps.clock });
  registerOrganisationRoutes(app, { db, clock: deps.clock });
  registerHospitalReferralRoutes(app, { db, clock: deps.clock });
  registerHospitalNotificationRoutes(app, { db, clock: deps.clock });
  registerCourseRoutes(app, { db, clock: deps.clock });
  registerRelativeRoutes(app, { db, clock: deps.clock });
  registerDeadlineRoutes(app, { db, clock: deps.clock });
  registerCalendarRoutes(app, { db, clock: deps.clock });
  registerAssessmentRoutes(app, { db, clock: deps.clock });
  registerPreparationFormRoutes(app, { db, clock: deps.clock });
  registerPlanRoutes(app, { db, clock: deps.clock });
  registerFollowUpRoutes(app, { db, clock: deps.clock });
  registerClosingRoutes(app, { db, clock: deps.clock });
  registerWorklistRoutes(app, { db, clock: deps.clock });
  registerTeamRoutes(app, { db, clock: deps.clock });
  registerAttendanceRoutes(app, { db, clock: deps.clock });
  registerRelativeAttendanceRoutes(app, { db, clock: deps.clock });
  registerCrossReferralRoutes(app, { db, clock: deps.clock });
  registerProviderInboxRoutes(app, { db, clock: deps.clock });
  registerStatusNoteRoutes(app, { db, clock: deps.clock });
  registerCatalogueRoutes(app, { db, clock: deps.clock });
  registerSuggestionRoutes(app, { db, clock: deps.clock });
  registerTransportRoutes(app, { db, clock: deps.clock });
  registerPlanningRoutes(app, { db, clock: deps.clock });
  registerFhirRoutes(app, { db, clock: deps.clock });
  registerKlGatewayRoutes(app, { db, clock: deps.clock });
  registerSettlementRoutes(app, { db, clock: deps.clock });
  registerMessagingRoutes(app, { db, clock: deps.clock, token: deps.messaging?.token, ...(deps.messaging?.limitPerMinute ? { limitPerMinute: deps.messaging.limitPerMinute } : {}) });
  const readDb = deps.replica?.db ?? db;
  const jobs = createJobQueue({ database: deps.database, clock: deps.clock, handlers: { report: reportJobHandler(readDb), extract_import: importJobHandler }, log: app.log });
  registerJobRoutes(app, { db, clock: deps.clock, jobs });
  registerExtractRoutes(app, { db, clock: deps.clock, jobs });
  registerReportRoutes(app, { db, readDb, clock: deps.clock, jobs });
  registerDashboardRoutes(app, { db, readDb, clock: deps.clock });
  // Jobs stop before the database closes (main.ts closes the app first).
  app.addHook('onClose', () => jobs.stop());
  await jobs.start();
  // Expired sessions go every few minutes, on every instance; stopped before the database closes.
  const sessionCleanup = startSessionCleanup({ db, clock: deps.clock, log: app.log }, deps.sessionCleanupIntervalMs);
  app.addHook('onClose', () => sessionCleanup.stop());
  // The inbox is read and the outbox written every interval, when asked; stopped before the database closes.
  const messagingTransport = deps.messaging?.intervalMs ? (deps.messaging.transport ?? (deps.messaging.dir ? fileDropTransport(deps.messaging.dir) : undefined)) : undefined;
  if (messagingTransport && deps.messaging?.intervalMs) {
    const messaging = startMessaging({ db, clock: deps.clock, transport: messagingTransport, log: app.log }, deps.messaging.intervalMs);
    app.addHook('onClose', () => messaging.stop());
  }

  if (deps.auditRetention?.intervalMs) {
    const retention = startAuditRetention({ db, clock: deps.clock, months: deps.auditRetention.months, log: app.log }, deps.auditRetention.intervalMs);
    app.addHook('onClose', () => retention.stop());
  }

  app.get('/api/openapi.json', {
    schema: { tags: ['operations'], summary: 'This OpenAPI document', security: [], response: { 200: z.record(z.string(), z.unknown()) } },
    handler: async () => ({ ...app.swagger() }),
  });

  registerWebApp(app, deps.config.webDistDir);
  return app;
}

/** The local SAML IdP and OIDC provider of demo mode, wired to the demo configuration's providers. */
function registerLocalStaffProviders(app: App, signIn: StaffSignIn): void {
  const saml = signIn.providers.find((p) => p.kind === 'saml');
  const oidc = signIn.providers.find((p) => p.kind === 'oidc');
  registerDemoIdentityProviders(app, {
    directory: demoStaffDirectory(),
    ...(saml && saml.kind === 'saml'
      ? {
          saml: {
            idp: { entityId: saml.idp.entityId, privateKey: DEMO_IDP_PRIVATE_KEY, certificate: DEMO_IDP_CERTIFICATE },
            sp: { entityId: saml.sp.entityId, acsUrl: samlUrls(signIn.publicUrl, saml.id).acs, sloUrl: samlUrls(signIn.publicUrl, saml.id).slo, certificate: readKey(saml.sp.certificate) },
          },
        }
      : {}),
    ...(oidc && oidc.kind === 'oidc' ? { oidc: { provider: oidc, urls: oidcUrls(signIn.publicUrl, oidc.id) } } : {}),
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: { method: string; url: string }[];
  }
}

/** Serves the built web app, with index.html for client-side routes; /api stays JSON. */
function registerWebApp(app: App, distDir: string): void {
  const indexFile = path.join(distDir, 'index.html');
  const built = fs.existsSync(indexFile);
  if (built) {
    void app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}`, fields: [] } });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.status(404).send({ error: { code: 'not_found', message: 'Not found', fields: [] } });
    }
    if (!built) {
      return reply.status(503).type('text/plain; charset=utf-8').send('Samkraft: the web app is not built. Run `npm start` (it builds it) or `npm run build`.');
    }
    return reply.type('text/html; charset=utf-8').send(fs.createReadStream(indexFile));
  });
}
