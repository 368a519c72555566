import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { App } from '../../http/types.ts';
import { buildSamlResponse, logoutRequestXml, logoutResponseXml, readRedirectMessage, redirectBindingUrl, verifyRedirectBinding, type SamlAssertionSubject, type SamlIdpKeys, type SamlSpTarget } from './demo-saml-identity-provider.ts';

/**
 * What a local SAML IdP (demo mode, tests) needs from its feature: where it is mounted, its keys
 * and its one service provider, its pages' words and picker (the feature's own people: staff
 * accounts, or the official test persons), and what it asserts of the one picked.
 */
export type DemoSamlIdpSettings = {
  /** Mounted under this path: `<path>/sso`, `<path>/sso/:uid`, `<path>/post.js`, `<path>/slo`, `<path>/logout`. */
  path: string;
  idp: SamlIdpKeys;
  sp: SamlSpTarget;
  page: (title: string, body: string) => string;
  texts: { title: string; intro: string; forwarding: string; continue: string; loggedOut: string; back: { href: string; label: string } };
  /** The form field the picker posts, and the picker's HTML (a form posting to `action`). */
  field: string;
  picker: (action: string) => string;
  /**
   * The picked one's assertion subject, or undefined when the choice names no one. `answer` is
   * what the AuthnRequest asked for (its RequestedAuthnContext) and the level a test asked the IdP
   * to answer with instead (the form's `loa` field: the SP must still refuse a level too low).
   */
  subjectFor: (choice: string, answer: { requested: RequestedAuthnContext | undefined; loa: string | undefined }) => SamlAssertionSubject | undefined;
};

/** An AuthnRequest's RequestedAuthnContext: the comparison and the class references (OIOSAML 3: an NSIS level, minimum). */
export type RequestedAuthnContext = { comparison: string; classRefs: string[] };

/** The RequestedAuthnContext of an AuthnRequest as readRedirectMessage gives it, if any. */
export function requestedAuthnContextOf(authnRequest: unknown): RequestedAuthnContext | undefined {
  const rac = (authnRequest as { RequestedAuthnContext?: { '@Comparison'?: string; AuthnContextClassRef?: unknown } } | undefined)?.RequestedAuthnContext;
  if (!rac) return undefined;
  const refs = [rac.AuthnContextClassRef].flat().map((r) => (typeof r === 'string' ? r : (r as { '#text'?: string } | undefined)?.['#text'])).filter((r): r is string => typeof r === 'string');
  return { comparison: rac['@Comparison'] ?? 'exact', classRefs: refs.map((r) => r.trim()) };
}

/** The IdP's open sessions by SessionIndex (for IdP-initiated logout): whom each is for. */
export type DemoSamlSessions = Map<string, { choice: string; nameId: string; nameIdFormat: string }>;

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Mounts a local SAML IdP's endpoints on a scope that parses forms: single sign-on (an
 * HTTP-Redirect AuthnRequest, its signature checked against the SP's certificate, then a person
 * picked, then the signed and encrypted Response posted to the ACS by the browser), single logout
 * from the SP (answered with a signed LogoutResponse), and IdP-initiated logout of one session.
 */
export function mountDemoSamlIdp(scope: App, s: DemoSamlIdpSettings): { sessions: DemoSamlSessions } {
  const requests = new Map<string, { requestId: string; relayState: string | undefined; requested: RequestedAuthnContext | undefined }>();
  const sessions: DemoSamlSessions = new Map();
  const uid = z.object({ uid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });
  const page = (title: string, body: string) => s.page(title, body);

  scope.get(`${s.path}/sso`, { schema: { hide: true, querystring: z.object({ SAMLRequest: z.string().min(1), RelayState: z.string().max(200).optional(), SigAlg: z.string(), Signature: z.string() }) } }, async (request, reply) => {
    const rawQuery = request.url.slice(request.url.indexOf('?') + 1);
    if (!verifyRedirectBinding(rawQuery, s.sp.certificate)) return reply.status(400).type('text/html; charset=utf-8').send(page('Fejl', '<h1>AuthnRequest er ikke signeret af Samkraft</h1>'));
    const message = readRedirectMessage(request.query.SAMLRequest) as { AuthnRequest?: { '@ID'?: string } };
    const requestId = message.AuthnRequest?.['@ID'];
    if (!requestId) return reply.status(400).send('not an AuthnRequest');
    const requested = requestedAuthnContextOf(message.AuthnRequest);
    const key = randomBytes(12).toString('base64url');
    requests.set(key, { requestId, relayState: request.query.RelayState, requested });
    const asked = requested ? `<p class="requested-authn-context" style="overflow-wrap:anywhere">Samkraft beder om sikringsniveau (${html(requested.comparison)}): ${requested.classRefs.map(html).join(', ')}</p>` : '';
    return reply.type('text/html; charset=utf-8').send(page(s.texts.title, `<h1>${html(s.texts.title)}</h1><p>${html(s.texts.intro)}</p>${asked}${s.picker(`${s.path}/sso/${key}`)}`));
  });
  scope.post(`${s.path}/sso/:uid`, { schema: { hide: true, params: uid, body: z.record(z.string(), z.unknown()) } }, async (request, reply) => {
    const pending = requests.get(request.params.uid);
    const choice = request.body[s.field];
    const loa = request.body.loa;
    const subject = typeof choice === 'string' && pending ? s.subjectFor(choice, { requested: pending.requested, loa: typeof loa === 'string' ? loa : undefined }) : undefined;
    if (!pending || typeof choice !== 'string' || !subject) return reply.status(400).send('unknown request or choice');
    requests.delete(request.params.uid);
    const sessionIndex = `_s${randomBytes(12).toString('hex')}`;
    sessions.set(sessionIndex, { choice, nameId: subject.nameId, nameIdFormat: subject.nameIdFormat });
    const response = await buildSamlResponse({ subject, idp: s.idp, sp: s.sp, inResponseTo: pending.requestId, sessionIndex });
    return reply.type('text/html; charset=utf-8').send(
      page(
        s.texts.title,
        `<h1>${html(s.texts.forwarding)}</h1><form id="saml-post" method="post" action="${html(s.sp.acsUrl)}"><input type="hidden" name="SAMLResponse" value="${html(response)}">${pending.relayState ? `<input type="hidden" name="RelayState" value="${html(pending.relayState)}">` : ''}<button type="submit">${html(s.texts.continue)}</button></form><script src="${s.path}/post.js"></script>`,
      ),
    );
  });
  scope.get(`${s.path}/post.js`, { schema: { hide: true } }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send("document.getElementById('saml-post').submit();\n"));

  // The SP's LogoutRequest (SP-initiated single logout): the IdP's session ends, a signed LogoutResponse goes back.
  scope.get(`${s.path}/slo`, { schema: { hide: true, querystring: z.object({ SAMLRequest: z.string().min(1).optional(), SAMLResponse: z.string().min(1).optional(), RelayState: z.string().max(400).optional(), SigAlg: z.string(), Signature: z.string() }) } }, async (request, reply) => {
    const rawQuery = request.url.slice(request.url.indexOf('?') + 1);
    if (!verifyRedirectBinding(rawQuery, s.sp.certificate)) return reply.status(400).send('logout message not signed by Samkraft');
    // Samkraft's LogoutResponse to an IdP-initiated logout: done.
    if (!request.query.SAMLRequest) return reply.type('text/html; charset=utf-8').send(page(s.texts.loggedOut, `<h1>${html(s.texts.loggedOut)}</h1><p><a href="${html(s.texts.back.href)}">${html(s.texts.back.label)}</a></p>`));
    const message = readRedirectMessage(request.query.SAMLRequest) as { LogoutRequest?: { '@ID'?: string; SessionIndex?: string } };
    const id = message.LogoutRequest?.['@ID'] ?? '';
    const index = message.LogoutRequest?.SessionIndex;
    if (typeof index === 'string') sessions.delete(index);
    return reply.redirect(redirectBindingUrl(s.sp.sloUrl, 'SAMLResponse', logoutResponseXml({ idpEntityId: s.idp.entityId, destination: s.sp.sloUrl, inResponseTo: id }), request.query.RelayState, s.idp.privateKey), 303);
  });
  // IdP-initiated single logout of one session: a signed LogoutRequest to Samkraft.
  scope.post(`${s.path}/logout`, { schema: { hide: true, body: z.object({ session: z.string().min(1).max(100) }) } }, async (request, reply) => {
    const session = sessions.get(request.body.session);
    if (!session) return reply.status(400).send('no such session');
    sessions.delete(request.body.session);
    return reply.redirect(
      redirectBindingUrl(s.sp.sloUrl, 'SAMLRequest', logoutRequestXml({ idpEntityId: s.idp.entityId, destination: s.sp.sloUrl, nameId: session.nameId, nameIdFormat: session.nameIdFormat, sessionIndex: request.body.session }), undefined, s.idp.privateKey),
      303,
    );
  });
  return { sessions };
}
