-- Citizens sign in through NemLog-in over SAML 2.0 (OIOSAML 3) beside the OpenID Connect broker
-- (issue 15). The sign-in under way keeps the AuthnRequest's ID instead of state, nonce and PKCE
-- verifier; a session opened through NemLog-in keeps what single logout needs: the provider, the
-- NameID (NemLog-in's pseudonym of the person, never the CPR) and the SessionIndex.
alter table citizen_sign_in alter column state drop not null;
alter table citizen_sign_in alter column nonce drop not null;
alter table citizen_sign_in alter column code_verifier drop not null;
alter table citizen_sign_in add column saml_request_id text;
alter table citizen_sign_in add constraint citizen_sign_in_flow_check check (
  (saml_request_id is null and state is not null and nonce is not null and code_verifier is not null)
  or (saml_request_id is not null and state is null and nonce is null and code_verifier is null)
);

alter table citizen_session add column provider text;
alter table citizen_session add column idp_subject text;
alter table citizen_session add column idp_session_ref text;
alter table citizen_session add constraint citizen_session_provider_check check (provider is null or provider = 'nemlog-in');
create index citizen_session_provider_idp_subject_idx on citizen_session (provider, idp_subject) where provider is not null;
