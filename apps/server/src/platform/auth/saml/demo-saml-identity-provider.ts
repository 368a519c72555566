import { createPublicKey, createSign, createVerify, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { cjs } from './saml-service-provider.ts';

/**
 * The local SAML identity providers of demo mode and the tests, as OIOSAML 3 IdPs answer (KOMBIT's
 * Context Handler for staff, NemLog-in for citizens): a Response whose Assertion is signed
 * (xml-crypto, RSA-SHA256) and then encrypted to the service provider's certificate
 * (xml-encryption, AES-256-GCM, RSA-OAEP), with a NameID, the caller's attributes (its IdP's
 * shape) and a SessionIndex. `tamper` builds the wrong answers the tests must see refused.
 */
export type SamlIdpKeys = { entityId: string; privateKey: string; certificate: string };
export type SamlSpTarget = { entityId: string; acsUrl: string; sloUrl: string; certificate: string };
export type Tamper = { expired?: boolean; audience?: string; unencrypted?: boolean; badSignature?: boolean; assertionId?: string };
/** Whom an assertion names, and what it says of them: attribute name → value, in order. */
export type SamlAssertionSubject = { nameId: string; nameIdFormat: string; nameQualifier?: string; spNameQualifier?: string; attributes: readonly (readonly [string, string])[] };

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const xml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export const newSamlId = () => `_${randomBytes(16).toString('hex')}`;

/** OIOSAML 3's specVersion attribute (every assertion of an OIOSAML 3 IdP carries it). */
export const OIOSAML3_SPEC_VERSION: readonly [string, string] = ['https://data.gov.dk/model/core/specVersion', 'OIO-SAML-3.0'];

function attribute(name: string, value: string): string {
  return `<saml:Attribute Name="${xml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue xsi:type="xs:string">${xml(value)}</saml:AttributeValue></saml:Attribute>`;
}

export async function buildSamlResponse(o: { subject: SamlAssertionSubject; idp: SamlIdpKeys; sp: SamlSpTarget; inResponseTo: string; sessionIndex: string; tamper?: Tamper }): Promise<string> {
  const { SignedXml } = cjs(await import('xml-crypto'), 'SignedXml');
  const xmlenc = cjs(await import('xml-encryption'), 'encrypt');
  const t = o.tamper ?? {};
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const notOnOrAfter = t.expired ? iso(now - 60 * 60_000) : iso(now + 5 * 60_000);
  const issued = t.expired ? iso(now - 2 * 60 * 60_000) : iso(now);
  const subject = o.subject;
  const assertionId = t.assertionId ?? newSamlId();
  const assertion =
    `<saml:Assertion xmlns:saml="${SAML}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${assertionId}" Version="2.0" IssueInstant="${issued}">` +
    `<saml:Issuer>${xml(o.idp.entityId)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${xml(subject.nameIdFormat)}"${subject.nameQualifier ? ` NameQualifier="${xml(subject.nameQualifier)}"` : ''}${subject.spNameQualifier ? ` SPNameQualifier="${xml(subject.spNameQualifier)}"` : ''}>${xml(subject.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${xml(o.inResponseTo)}" NotOnOrAfter="${notOnOrAfter}" Recipient="${xml(o.sp.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${issued}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${xml(t.audience ?? o.sp.entityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="${xml(o.sessionIndex)}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:X509</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${[OIOSAML3_SPEC_VERSION, ...subject.attributes].map(([name, value]) => attribute(name, value)).join('')}</saml:AttributeStatement></saml:Assertion>`;
  const sig = new SignedXml({ privateKey: o.idp.privateKey, publicCert: o.idp.certificate, signatureAlgorithm: RSA_SHA256, canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#' });
  sig.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(assertion, { location: { reference: "//*[local-name(.)='Issuer']", action: 'after' } });
  let signed = sig.getSignedXml();
  // Changed after signing: the signature no longer holds.
  if (t.badSignature) signed = signed.replace(`>${xml(subject.nameId)}</saml:NameID>`, `>${xml(subject.nameId)}-changed</saml:NameID>`);
  let body: string;
  if (t.unencrypted) {
    body = signed;
  } else {
    const rsaPub = createPublicKey(o.sp.certificate).export({ type: 'spki', format: 'pem' }).toString();
    const encrypted = await new Promise<string>((resolve, reject) =>
      xmlenc.encrypt(
        signed,
        {
          rsa_pub: rsaPub,
          pem: o.sp.certificate,
          encryptionAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
          keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
          disallowEncryptionWithInsecureAlgorithm: true,
          warnInsecureAlgorithm: false,
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      ),
    );
    body = `<saml:EncryptedAssertion>${encrypted}</saml:EncryptedAssertion>`;
  }
  const response =
    `<samlp:Response xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="${newSamlId()}" Version="2.0" IssueInstant="${iso(now)}" Destination="${xml(o.sp.acsUrl)}" InResponseTo="${xml(o.inResponseTo)}">` +
    `<saml:Issuer>${xml(o.idp.entityId)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${body}</samlp:Response>`;
  return Buffer.from(response, 'utf8').toString('base64');
}

/** A message for the HTTP-Redirect binding: deflated, base64, signed over the query (SAML bindings §3.4.4.1). */
export function redirectBindingUrl(target: string, kind: 'SAMLRequest' | 'SAMLResponse', message: string, relayState: string | undefined, privateKey: string): string {
  const encoded = deflateRawSync(Buffer.from(message, 'utf8')).toString('base64');
  let query = `${kind}=${encodeURIComponent(encoded)}`;
  if (relayState) query += `&RelayState=${encodeURIComponent(relayState)}`;
  query += `&SigAlg=${encodeURIComponent(RSA_SHA256)}`;
  const signature = createSign('RSA-SHA256').update(query).sign(privateKey, 'base64');
  return `${target}${target.includes('?') ? '&' : '?'}${query}&Signature=${encodeURIComponent(signature)}`;
}

/** Checks a redirect-binding signature over the raw query, as the sender encoded it. */
export function verifyRedirectBinding(rawQuery: string, certificate: string): boolean {
  const parts = rawQuery.replace(/^\?/, '').split('&');
  const get = (name: string) => parts.find((p) => p.startsWith(`${name}=`));
  const message = get('SAMLRequest') ?? get('SAMLResponse');
  const sigAlg = get('SigAlg');
  const signature = get('Signature');
  if (!message || !sigAlg || !signature) return false;
  if (decodeURIComponent(sigAlg.slice(7)) !== RSA_SHA256) return false;
  const signedPart = [message, get('RelayState'), sigAlg].filter((p) => p !== undefined).join('&');
  return createVerify('RSA-SHA256').update(signedPart).verify(certificate, decodeURIComponent(signature.slice(10)), 'base64');
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, processEntities: false });

/** A redirect-binding message's XML, inflated and read (the element's attributes and children). */
export function readRedirectMessage(encoded: string): Record<string, unknown> {
  return parser.parse(inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8')) as Record<string, unknown>;
}

export function logoutRequestXml(o: { idpEntityId: string; destination: string; nameId: string; nameIdFormat?: string; sessionIndex: string }): string {
  return (
    `<samlp:LogoutRequest xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="${newSamlId()}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${xml(o.destination)}" NotOnOrAfter="${new Date(Date.now() + 5 * 60_000).toISOString()}">` +
    `<saml:Issuer>${xml(o.idpEntityId)}</saml:Issuer><saml:NameID Format="${xml(o.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName')}">${xml(o.nameId)}</saml:NameID><samlp:SessionIndex>${xml(o.sessionIndex)}</samlp:SessionIndex></samlp:LogoutRequest>`
  );
}

export function logoutResponseXml(o: { idpEntityId: string; destination: string; inResponseTo: string }): string {
  return (
    `<samlp:LogoutResponse xmlns:samlp="${SAMLP}" xmlns:saml="${SAML}" ID="${newSamlId()}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${xml(o.destination)}" InResponseTo="${xml(o.inResponseTo)}">` +
    `<saml:Issuer>${xml(o.idpEntityId)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>`
  );
}

/** A LogoutRequest for the HTTP-POST binding: the XML signed (enveloped, RSA-SHA256), base64. */
export async function signedLogoutRequestPost(o: { idpEntityId: string; destination: string; nameId: string; nameIdFormat?: string; sessionIndex: string; privateKey: string; certificate: string }): Promise<string> {
  const { SignedXml } = cjs(await import('xml-crypto'), 'SignedXml');
  const sig = new SignedXml({ privateKey: o.privateKey, publicCert: o.certificate, signatureAlgorithm: RSA_SHA256, canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#' });
  sig.addReference({
    xpath: "/*[local-name(.)='LogoutRequest']",
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(logoutRequestXml(o), { location: { reference: "/*[local-name(.)='LogoutRequest']/*[local-name(.)='Issuer']", action: 'after' } });
  return Buffer.from(sig.getSignedXml(), 'utf8').toString('base64');
}
