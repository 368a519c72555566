import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignedXml } from 'xml-crypto';
import { describe, expect, it } from 'vitest';
import { readIdpMetadata } from '../../platform/auth/saml/idp-metadata.ts';
import { loadConfig } from '../../platform/config.ts';
import { DEMO_IDP_CERTIFICATE, DEMO_IDP_PRIVATE_KEY, DEMO_SP_CERTIFICATE, DEMO_SP_PRIVATE_KEY } from '../auth/demo-keys.ts';

// NemLog-in (and KOMBIT) publish signed metadata: with CITIZEN_SAML_IDP_METADATA_CERTIFICATE set,
// platform/auth/saml/idp-metadata.ts checks its signature. Here with the committed test-only keys.
const metadata = (sso: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.dk">` +
  `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
  `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>U0lH</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
  `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.dk/slo"/>` +
  sso +
  `</md:IDPSSODescriptor></md:EntityDescriptor>`;

describe("an identity provider's signed metadata (a metadata signing certificate configured)", () => {
  const xml = metadata('<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.dk/sso"/>').replace(
    'entityID="https://idp.example.dk"',
    'entityID="https://idp.example.dk" ID="_md1"',
  );
  /** The metadata signed as a federation signs it: enveloped, the whole document, RSA-SHA256, exclusive c14n; the signature first in the root. */
  const signed = (text: string, privateKey = DEMO_IDP_PRIVATE_KEY) => {
    const sig = new SignedXml({ privateKey, publicCert: DEMO_IDP_CERTIFICATE, signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#' });
    sig.addReference({
      xpath: "/*[local-name(.)='EntityDescriptor']",
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    });
    sig.computeSignature(text, { prefix: 'ds', location: { reference: "/*[local-name(.)='EntityDescriptor']", action: 'prepend' } });
    return sig.getSignedXml();
  };
  const read = (text: string) => readIdpMetadata(Buffer.from(text), { signingCertificate: DEMO_IDP_CERTIFICATE });

  it('accepts metadata whose signature the certificate verifies, and reads it', () => {
    expect(read(signed(xml))).toMatchObject({ entityId: 'https://idp.example.dk', ssoUrl: 'https://idp.example.dk/sso', sloUrl: 'https://idp.example.dk/slo' });
  });
  it('refuses metadata changed after signing (another SSO endpoint)', () => {
    const tampered = signed(xml).replace('https://idp.example.dk/sso', 'https://attacker.example/sso');
    expect(tampered).toContain('attacker');
    expect(() => read(tampered)).toThrow(/the metadata signature does not verify/);
  });
  it('refuses metadata signed by another key', () => {
    expect(() => read(signed(xml, DEMO_SP_PRIVATE_KEY))).toThrow(/the metadata signature does not verify/);
  });
  it('refuses unsigned metadata when a certificate is configured; reads it when none is', () => {
    expect(() => read(xml)).toThrow(/the metadata is not signed, and a metadata signing certificate is configured/);
    expect(readIdpMetadata(Buffer.from(xml)).entityId).toBe('https://idp.example.dk');
  });

  it('is checked at start for a metadata file when CITIZEN_SAML_IDP_METADATA_CERTIFICATE is set, the error naming the variables', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samkraft-md-sig-'));
    const file = (name: string, text: string) => {
      fs.writeFileSync(path.join(tmp, name), text);
      return path.join(tmp, name);
    };
    const env = {
      DATABASE_URL: 'postgres://x@db/samkraft',
      CITIZEN_SIGN_IN: 'saml',
      CITIZEN_SAML_SP_KEY: file('sp.key', DEMO_SP_PRIVATE_KEY),
      CITIZEN_SAML_SP_CERTIFICATE: file('sp.pem', DEMO_SP_CERTIFICATE),
      CITIZEN_SAML_IDP_METADATA_CERTIFICATE: file('md-signing.pem', DEMO_IDP_CERTIFICATE),
    };
    expect(loadConfig({ ...env, CITIZEN_SAML_IDP_METADATA: file('signed.xml', signed(xml)) }, '/srv').citizenSaml).toMatchObject({ mode: 'nemlog-in', idp: { metadata: { ssoUrl: 'https://idp.example.dk/sso' } } });
    expect(() => loadConfig({ ...env, CITIZEN_SAML_IDP_METADATA: file('unsigned.xml', xml) }, '/srv')).toThrow(/CITIZEN_SAML_IDP_METADATA .*the metadata is not signed, and a metadata signing certificate is configured/);
    expect(() => loadConfig({ ...env, CITIZEN_SAML_IDP_METADATA: file('tampered.xml', signed(xml).replace('/sso"', '/sso2"')) }, '/srv')).toThrow(/CITIZEN_SAML_IDP_METADATA .*signature does not verify/);
  });
});
