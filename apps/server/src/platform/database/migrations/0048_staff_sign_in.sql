-- Staff sign-in through identity providers (issue 15): SAML 2.0 (KOMBIT's Context Handler,
-- OIOSAML 3) and OpenID Connect (Entra ID, OS2faktor), beside local passwords and demo users.
-- Every table here is owned by `auth`, which owns staff_user.

-- A staff user as an identity provider knows them: the provider's id (from the sign-in
-- configuration) and its subject (SAML NameID, OIDC `sub`). Created at the first sign-in.
create table staff_identity (
  provider        text not null constraint staff_identity_provider_check check (provider ~ '^[a-z0-9-]{1,40}$'),
  subject         text not null constraint staff_identity_subject_check check (length(subject) between 1 and 400),
  staff_user_id   uuid not null constraint staff_identity_staff_user_id_fkey references staff_user (id) on delete cascade,
  created_at      timestamptz not null default now(),
  last_sign_in_at timestamptz not null default now(),
  constraint staff_identity_pkey primary key (provider, subject)
);
create index staff_identity_staff_user_id_idx on staff_identity (staff_user_id);

-- A staff sign-in under way: created when the browser is sent to the provider, taken (deleted)
-- when the answer comes back. Found by the SHA-256 of a random token the browser carries (cookie
-- for OIDC; RelayState for SAML, whose answer is a cross-site POST that carries no cookie).
create table staff_sign_in (
  token_hash     text constraint staff_sign_in_pkey primary key
                   constraint staff_sign_in_token_hash_check check (token_hash ~ '^[0-9a-f]{64}$'),
  provider       text not null,
  -- SAML: the AuthnRequest's ID, which the response's InResponseTo must name
  request_id     text,
  -- OIDC: state, nonce and the PKCE code verifier
  state          text,
  nonce          text,
  code_verifier  text,
  created_at     timestamptz not null default now(),
  expires_at     timestamptz not null,
  constraint staff_sign_in_expires_at_check check (expires_at > created_at)
);
create index staff_sign_in_expires_at_idx on staff_sign_in (expires_at);

-- SAML assertions already used, kept until they expire: an assertion signs in at most once.
create table saml_assertion_seen (
  assertion_id  text constraint saml_assertion_seen_pkey primary key,
  provider      text not null,
  expires_at    timestamptz not null
);
create index saml_assertion_seen_expires_at_idx on saml_assertion_seen (expires_at);

-- How a session was opened (additive: a password or demo session leaves these null): the
-- provider, its subject, the provider's own session (SAML SessionIndex, OIDC `sid`) that single
-- logout names, and the NSIS assurance level the provider vouched for.
alter table staff_session
  add column provider text,
  add column idp_subject text,
  add column idp_session_ref text,
  add column assurance_level text constraint staff_session_assurance_level_check check (assurance_level in ('low', 'substantial', 'high'));
create index staff_session_idp_idx on staff_session (provider, idp_subject, idp_session_ref);
