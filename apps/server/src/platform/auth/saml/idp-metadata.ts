import * as xmlCrypto from 'xml-crypto';
import { readXmlText } from '../../xml/xml-input.ts';
import { childElements, parseXml, textContent, type XmlElement } from '../../xml/xml-tree.ts';
import { cjs } from './saml-service-provider.ts';

/** What a service provider needs of an identity provider's SAML metadata. */
export type IdpMetadata = { entityId: string; ssoUrl: string; sloUrl: string | undefined; certificate: string };

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

function descendants(e: XmlElement, name: string, namespace: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (x: XmlElement) => {
    for (const c of childElements(x, undefined)) {
      if (c.name === name && c.namespace === namespace) found.push(c);
      walk(c);
    }
  };
  walk(e);
  return found;
}

/** The signature algorithms accepted on metadata (RSA with SHA-256 or stronger; no SHA-1). */
const SIGNATURE_ALGORITHMS = [
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
];

/**
 * The metadata's own XML signature, checked with the configured certificate (the one the
 * federation publishes for signing its metadata): one ds:Signature, a child of the root element,
 * whose one reference is the whole document (URI "" or the root's ID). Returns the signed XML —
 * what is read after, so nothing outside the signature counts. Throws when it does not verify.
 */
function verifiedMetadataXml(text: string, root: XmlElement, certificate: string): string {
  const signatures = childElements(root, 'Signature', DS);
  if (signatures.length === 0) throw new Error('the metadata is not signed, and a metadata signing certificate is configured');
  if (signatures.length > 1 || descendants(root, 'Signature', DS).length !== 1) throw new Error('the metadata carries more than one signature');
  const signatureXml = /<(?:[A-Za-z_][\w.-]*:)?Signature[\s>][\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?Signature>/.exec(text)?.[0];
  if (!signatureXml) throw new Error('the metadata signature cannot be read');
  const { SignedXml } = cjs(xmlCrypto, 'SignedXml');
  const sig = new SignedXml({ publicCert: certificate, getCertFromKeyInfo: () => null });
  sig.loadSignature(signatureXml);
  if (!sig.signatureAlgorithm || !SIGNATURE_ALGORITHMS.includes(sig.signatureAlgorithm)) throw new Error(`the metadata signature's algorithm is not accepted: ${sig.signatureAlgorithm ?? 'none'}`);
  let valid = false;
  try {
    valid = sig.checkSignature(text);
  } catch (err) {
    throw new Error(`the metadata signature does not verify: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!valid) throw new Error('the metadata signature does not verify');
  const references = sig.getReferences();
  const rootId = root.attributes.ID;
  if (references.length !== 1 || !(references[0]!.uri === '' || (rootId !== undefined && references[0]!.uri === `#${rootId}`))) throw new Error('the metadata signature does not cover the whole document');
  const signed = sig.getSignedReferences();
  if (signed.length !== 1) throw new Error('the metadata signature does not cover the whole document');
  return signed[0]!;
}

/**
 * Reads an identity provider's metadata (SAML 2.0 metadata, as NemLog-in publishes it): the
 * entity id, the HTTP-Redirect single sign-on and single logout endpoints and the signing
 * certificate. Untrusted input: no DOCTYPE, at most 1 MB (platform/xml). With a
 * `signingCertificate` (the federation's metadata signing certificate), the metadata must carry an
 * XML signature over the whole document that this certificate verifies — unsigned or tampered
 * metadata is refused — and only the signed XML is read. Throws an Error naming what is wrong.
 */
export function readIdpMetadata(bytes: Uint8Array, o: { signingCertificate?: string | undefined } = {}): IdpMetadata {
  const text = readXmlText(bytes, { maxBytes: 1_000_000 }).text;
  let root = parseXml(text);
  if (o.signingCertificate) root = parseXml(verifiedMetadataXml(text, root, o.signingCertificate));
  const entities = root.name === 'EntityDescriptor' && root.namespace === MD ? [root] : descendants(root, 'EntityDescriptor', MD);
  const entity = entities.find((e) => childElements(e, 'IDPSSODescriptor', MD).length > 0);
  if (!entity) throw new Error('the metadata has no EntityDescriptor with an IDPSSODescriptor');
  const idp = childElements(entity, 'IDPSSODescriptor', MD)[0]!;
  const entityId = entity.attributes.entityID;
  if (!entityId) throw new Error('the EntityDescriptor has no entityID');
  const endpoint = (name: string) => childElements(idp, name, MD).find((e) => e.attributes.Binding === REDIRECT)?.attributes.Location;
  const ssoUrl = endpoint('SingleSignOnService');
  if (!ssoUrl) throw new Error('the IdP has no SingleSignOnService with the HTTP-Redirect binding');
  const keys = childElements(idp, 'KeyDescriptor', MD).filter((k) => k.attributes.use === undefined || k.attributes.use === 'signing');
  const base64 = keys.flatMap((k) => descendants(k, 'X509Certificate', DS)).map((c) => textContent(c).replace(/\s+/g, ''))[0];
  if (!base64) throw new Error('the IdP has no signing certificate (KeyDescriptor use="signing")');
  const certificate = `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
  return { entityId, ssoUrl, sloUrl: endpoint('SingleLogoutService'), certificate };
}
