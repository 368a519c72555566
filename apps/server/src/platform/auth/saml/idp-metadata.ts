import { readXmlText } from '../../xml/xml-input.ts';
import { childElements, parseXml, textContent, type XmlElement } from '../../xml/xml-tree.ts';

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

/**
 * Reads an identity provider's metadata (SAML 2.0 metadata, as NemLog-in publishes it): the
 * entity id, the HTTP-Redirect single sign-on and single logout endpoints and the signing
 * certificate. Untrusted input: no DOCTYPE, at most 1 MB (platform/xml). Throws an Error naming
 * what is missing.
 */
export function readIdpMetadata(bytes: Uint8Array): IdpMetadata {
  const root = parseXml(readXmlText(bytes, { maxBytes: 1_000_000 }).text);
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
