import type { FastifyReply, FastifyRequest } from 'fastify';
import { propertyOf } from '@samkraft/contracts/typed';
import type { Clock } from '../../platform/clock.ts';
import { isDatabaseUnavailable, type Db } from '../../platform/database/database.ts';
import { AppError } from '../../platform/errors.ts';
import { staffContext } from '../../platform/http/service-context.ts';
import type { App } from '../../platform/http/types.ts';
import { searchBundle } from './fhir-bundle.ts';
import { capabilityStatement } from './fhir-capability.ts';
import { readFhirResource, searchFhirResources } from './fhir-api.service.ts';
import { outcomeOfAppError, outcomeOfStatus } from './fhir-outcome.ts';
import { checkReadParams, parseSearch } from './fhir-search.rules.ts';
import { fhirResourceTypes, type FhirResourceType } from './fhir-types.ts';

/*
 * The FHIR R4 API under /fhir: read and search only, JSON (`application/fhir+json`), errors as
 * OperationOutcome. Not in the OpenAPI document: its description is the CapabilityStatement at
 * /fhir/metadata. Logged URLs carry no identifier value (platform/http/log-redaction.ts).
 */

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const hidden = { schema: { hide: true } };

function send(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.status(status).type(FHIR_JSON).header('cache-control', 'no-store').send(JSON.stringify(body));
}

const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}/fhir`;
const queryOf = (request: FastifyRequest) => request.url.split('?')[1] ?? '';

function resourceType(name: string): FhirResourceType {
  const type = fhirResourceTypes.find((t) => t === name);
  if (!type) throw new AppError('not_found', `Samkraft serves no resource type ${/^[A-Za-z]{1,64}$/.test(name) ? name : '(unknown)'}; see /fhir/metadata`);
  return type;
}

function handleFhirError(err: Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (err instanceof AppError) {
    if (err.code === 'internal') request.log.error({ err }, 'internal error');
    const o = outcomeOfAppError(err);
    return send(reply, o.status, o.body);
  }
  if (isDatabaseUnavailable(err)) {
    request.log.warn({ err }, 'database unavailable');
    reply.header('retry-after', '5');
    const o = outcomeOfStatus(503, 'transient', 'Databasen kan ikke nås lige nu; prøv igen om lidt.');
    return send(reply, o.status, o.body);
  }
  const statusCode = propertyOf(err, 'statusCode');
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const o = outcomeOfStatus(statusCode, statusCode === 429 ? 'throttled' : 'invalid', err.message);
    return send(reply, o.status, o.body);
  }
  request.log.error({ err }, 'unhandled error');
  const o = outcomeOfStatus(500, 'exception', 'Internal error');
  return send(reply, o.status, o.body);
}

export function registerFhirRoutes(app: App, deps: { db: Db; clock: Clock }): void {
  void app.register(
    async (fhir) => {
      fhir.setErrorHandler(handleFhirError);
      fhir.setNotFoundHandler((request, reply) => {
        const o =
          request.method === 'GET' || request.method === 'HEAD'
            ? outcomeOfStatus(404, 'not-found', 'No such FHIR endpoint; see /fhir/metadata')
            : outcomeOfStatus(405, 'not-supported', 'The FHIR API reads and searches only (GET)');
        if (o.status === 405) reply.header('allow', 'GET');
        return send(reply, o.status, o.body);
      });

      fhir.get('/metadata', hidden, async (request, reply) => send(reply, 200, capabilityStatement({ baseUrl: baseUrl(request), date: deps.clock.now().toISOString() })));

      fhir.get('/:type', hidden, async (request, reply) => {
        const type = resourceType((request.params as { type: string }).type);
        const ctx = staffContext(request, deps);
        const search = parseSearch(type, request.query as Record<string, unknown>);
        const result = await searchFhirResources(ctx, search);
        const page = search.type === 'AuditEvent' ? search.page : undefined;
        return send(reply, 200, searchBundle({ baseUrl: baseUrl(request), type, query: queryOf(request), ...result, now: deps.clock.now(), ...(page ? { page } : {}) }));
      });

      fhir.get('/:type/:id', hidden, async (request, reply) => {
        const { type: name, id } = request.params as { type: string; id: string };
        const type = resourceType(name);
        const ctx = staffContext(request, deps);
        checkReadParams(request.query as Record<string, unknown>);
        return send(reply, 200, await readFhirResource(ctx, type, id));
      });
    },
    { prefix: '/fhir' },
  );
}
