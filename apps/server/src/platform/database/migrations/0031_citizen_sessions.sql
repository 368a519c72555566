-- The citizen's door (issue 13.1): citizens sign in through an OpenID Connect identity provider
-- (a MitID broker; the local demo provider in demo mode). Their sessions are kept apart from
-- staff sessions: their own table, their own cookie, shorter lifetimes.

-- A sign-in under way: created when the citizen is sent to the identity provider, taken (deleted)
-- when they come back. The browser holds a random token in a cookie; only its SHA-256 is stored,
-- with the values the callback must match: state, nonce and the PKCE code verifier.
create table citizen_sign_in (
  token_hash      text constraint citizen_sign_in_pkey primary key
                    constraint citizen_sign_in_token_hash_check check (token_hash ~ '^[0-9a-f]{64}$'),
  state           text not null,
  nonce           text not null,
  code_verifier   text not null,
  -- where to go after signing in (a path under /borger)
  return_to       text not null constraint citizen_sign_in_return_to_check check (return_to ~ '^/borger(/[A-Za-z0-9/_-]*)?$'),
  created_at      timestamptz not null default now(),
  expires_at      timestamptz not null,
  constraint citizen_sign_in_expires_at_check check (expires_at > created_at)
);
create index citizen_sign_in_expires_at_idx on citizen_sign_in (expires_at);

-- A signed-in citizen. The cookie carries a random token, the table only its SHA-256. The CPR is
-- never stored here — not even inside the provider's id token, which brokers may fill with it (so
-- RP-initiated logout names the client, not the token): the session names the citizen record.
create table citizen_session (
  token_hash           text constraint citizen_session_pkey primary key
                         constraint citizen_session_token_hash_check check (token_hash ~ '^[0-9a-f]{64}$'),
  citizen_id           uuid not null constraint citizen_session_citizen_id_fkey references citizen (id) on delete cascade,
  csrf_secret          text not null,
  -- the assurance level the identity provider vouched for (NSIS), when it said one
  assurance_level      text,
  created_at           timestamptz not null default now(),
  last_seen_at         timestamptz not null default now(),
  idle_expires_at      timestamptz not null,
  absolute_expires_at  timestamptz not null,
  constraint citizen_session_expiry_check check (idle_expires_at > created_at and absolute_expires_at > created_at)
);
create index citizen_session_citizen_id_idx on citizen_session (citizen_id);
create index citizen_session_expiry_idx on citizen_session ((least(idle_expires_at, absolute_expires_at)));

-- A citizen acting on their own data is the actor of its audit events (actor label 'citizen').
alter table audit_event add column actor_citizen_id uuid constraint audit_event_actor_citizen_id_fkey references citizen (id);
create index audit_event_actor_citizen_id_idx on audit_event (actor_citizen_id, at);
