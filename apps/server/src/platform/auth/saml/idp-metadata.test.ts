import { describe, expect, it } from 'vitest';
import { readIdpMetadata } from './idp-metadata.ts';

const metadata = (sso: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.dk">` +
  `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
  `<md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>RU5D</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
  `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n  U0lH\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
  `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.dk/slo-post"/>` +
  `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.dk/slo"/>` +
  sso +
  `</md:IDPSSODescriptor></md:EntityDescriptor>`;

describe("an identity provider's SAML metadata", () => {
  it('gives the entity id, the HTTP-Redirect endpoints and the signing certificate (not the encryption one)', () => {
    const m = readIdpMetadata(Buffer.from(metadata('<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.dk/sso"/>')));
    expect(m).toEqual({ entityId: 'https://idp.example.dk', ssoUrl: 'https://idp.example.dk/sso', sloUrl: 'https://idp.example.dk/slo', certificate: '-----BEGIN CERTIFICATE-----\nU0lH\n-----END CERTIFICATE-----\n' });
  });
  it('refuses metadata without a Redirect sign-on endpoint, and a DOCTYPE', () => {
    expect(() => readIdpMetadata(Buffer.from(metadata('')))).toThrow(/no SingleSignOnService with the HTTP-Redirect binding/);
    expect(() => readIdpMetadata(Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'))).toThrow();
  });
});
