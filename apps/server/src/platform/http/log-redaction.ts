import type { FastifyRequest } from 'fastify';

/*
 * No CPR number in a log line. Requests carry a CPR in their body, never in the URL (the citizen
 * look-up is a POST); these serializers are the second line: a CPR-like number (ten digits, a
 * hyphen after the sixth allowed, encoded or not) in a logged URL or error is replaced, so a
 * future route or a database error's detail ("Key (cpr)=(…) already exists") cannot leak one.
 * Names cannot be recognised by pattern: no route takes a name in its URL, and errors do not
 * carry a citizen's name.
 */

const CPR_LIKE = /(?<![0-9])[0-9]{6}(?:-|%2d|%2D)?[0-9]{4}(?![0-9])/g;
export const REDACTED = '[redacted]';

export function redactCprs(text: string): string {
  return text.replace(CPR_LIKE, REDACTED);
}

/*
 * FHIR searches name the citizen in the URL (`Patient?identifier=urn:oid:1.2.208.176.1.2|…`,
 * `patient.identifier=…`): a replacement CPR has letters the CPR pattern does not catch, so the
 * value of every identifier parameter is replaced whatever it holds.
 */
const IDENTIFIER_PARAM = /([?&](?:[A-Za-z0-9_-]+\.)*identifier(?::[A-Za-z-]+)?=)[^&#]*/gi;

export function redactIdentifierParams(url: string): string {
  return url.replace(IDENTIFIER_PARAM, `$1${REDACTED}`);
}

/** A URL as it may be logged: identifier parameters and CPR-like numbers replaced. */
export function redactUrl(url: string): string {
  return redactCprs(redactIdentifierParams(url));
}

/** Fastify's own request serializer, with the URL redacted. */
export function redactedRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

type LoggedError = { type: string; message: string; stack: string; [key: string]: unknown };

/** pino's error serializer, then every string property of the error redacted (message, stack, a database error's detail …). */
export function redactedError(serialize: (err: Error) => LoggedError): (err: Error) => LoggedError {
  return (err) => {
    const out = serialize(err);
    for (const [key, value] of Object.entries(out)) if (typeof value === 'string') out[key] = redactCprs(value);
    return out;
  };
}
