import { createHash } from 'node:crypto';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SamlAssertionSubject } from '../../platform/auth/saml/demo-saml-identity-provider.ts';
import { mountDemoSamlIdp } from '../../platform/auth/saml/demo-saml-idp-endpoints.ts';
import { NSIS_LOA_CLASS_REF } from '../../platform/auth/saml/saml-service-provider.ts';
import type { App } from '../../platform/http/types.ts';
import { DEMO_IDP_CERTIFICATE, DEMO_IDP_PRIVATE_KEY, DEMO_SP_CERTIFICATE } from '../auth/demo-keys.ts';
import { NEMLOGIN_ATTRIBUTES } from './citizen-claims.rules.ts';
import { NEMLOGIN_NAME_ID_FORMAT } from './citizen-saml-sign-in.service.ts';
import { DEMO_NEMLOGIN_PATH, demoNemLogInIdp, nemLogInUrls } from './citizen-saml.ts';
import { page, testPersonList } from './demo-identity-provider.ts';
import { demoTestPersons, type DemoTestPerson } from './demo-test-persons.ts';

/**
 * NemLog-in's persistent NameID for a test person: a UUID derived from the person (NemLog-in's
 * own is a random UUID it keeps per person, never the CPR), in its URI form.
 */
export function demoNemLogInNameId(person: DemoTestPerson): string {
  const h = createHash('sha256').update(`samkraft-demo-nemlogin:${person.cpr}`).digest('hex');
  return `https://data.gov.dk/model/core/eid/person/uuid/${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const nemLogInLevel = (loa: string | undefined) => (loa === 'Low' || loa === 'Substantial' || loa === 'High' ? loa : undefined);

/** What the local NemLog-in IdP asserts of a test person (OIOSAML 3's names): the CPR, the NSIS level (Substantial unless said), the full name. */
export function nemLogInAssertionSubject(person: DemoTestPerson, loa: 'Low' | 'Substantial' | 'High' = 'Substantial'): SamlAssertionSubject {
  return {
    nameId: demoNemLogInNameId(person),
    nameIdFormat: NEMLOGIN_NAME_ID_FORMAT,
    attributes: [
      [NEMLOGIN_ATTRIBUTES.loa, loa],
      [NEMLOGIN_ATTRIBUTES.cpr, person.cpr],
      [NEMLOGIN_ATTRIBUTES.fullName, `${person.givenName} ${person.familyName}`],
    ],
  };
}

/** The local NemLog-in IdP's keys and its one SP (Samkraft's citizen door), as the demo configuration wires them. */
export function demoNemLogInParties(publicUrl: string, spEntityId: string) {
  const urls = nemLogInUrls(publicUrl);
  return {
    idp: { entityId: demoNemLogInIdp(publicUrl).entityId, privateKey: DEMO_IDP_PRIVATE_KEY, certificate: DEMO_IDP_CERTIFICATE },
    sp: { entityId: spEntityId, acsUrl: urls.acs, sloUrl: urls.slo, certificate: DEMO_SP_CERTIFICATE },
  };
}

/**
 * The local NemLog-in IdP (demo mode and tests), mounted under /demo-nemlogin: the platform's
 * local SAML IdP given the official test persons (refdata/cpr; no one else) and NemLog-in's
 * attribute names; signed and encrypted assertions, single logout both ways.
 */
export function registerDemoNemLogIn(app: App, o: { publicUrl: string; spEntityId: string }): void {
  const persons = demoTestPersons();
  const bySub = new Map(persons.map((p) => [p.sub, p]));
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    mountDemoSamlIdp(scope, {
      path: DEMO_NEMLOGIN_PATH,
      ...demoNemLogInParties(o.publicUrl, o.spEntityId),
      page,
      texts: {
        title: 'NemLog-in (demo)',
        intro: 'Her logger du i en rigtig installation ind med MitID gennem NemLog-in. I demo-udgaven vælger du en af de officielle testpersoner.',
        forwarding: 'Du sendes videre til Samkraft',
        continue: 'Fortsæt til Samkraft',
        loggedOut: 'Du er logget ud af NemLog-in',
        back: { href: '/borger/logget-ud', label: 'Til Samkraft' },
      },
      field: 'person',
      picker: (action) => testPersonList(persons, action),
      // NemLog-in answers at the level asked for (Substantial, or High when High is the minimum); a test may ask for another.
      subjectFor: (sub, answer) => {
        const person = bySub.get(sub);
        const level = nemLogInLevel(answer.loa) ?? (answer.requested?.classRefs.includes(NSIS_LOA_CLASS_REF.high) ? 'High' : 'Substantial');
        return person && nemLogInAssertionSubject(person, level);
      },
    });
  });
}
