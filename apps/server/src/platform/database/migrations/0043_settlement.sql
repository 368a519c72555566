-- The activity ledger and settlement (issue 14.1, note Bilag C). Owned by `settlement`.
-- The units themselves are not stored: they are derived from the records (attendance, the
-- cross-municipal referrals) for any period. Stored are the tariffs and, for a period settled
-- net between the municipalities, the statement as it was settled: its lines never change
-- (migration 0044), later changes to the records come as correction lines of a later settlement.

-- A tariff per (providing municipality, or all when null; intervention; unit), effective-dated,
-- in kroner, with where it comes from. Rows that overlap for the same key are refused by the
-- service (the steering group ends one and adds the next).
create table settlement_tariff (
  id                          uuid constraint settlement_tariff_pkey primary key default gen_random_uuid(),
  provider_municipality_code  char(4) constraint settlement_tariff_provider_municipality_code_fkey references municipality (code),
  intervention_code           text not null constraint settlement_tariff_intervention_code_fkey references intervention (code),
  unit                        text not null constraint settlement_tariff_unit_check check (unit in ('session', 'course')),
  price_kr                    numeric(10, 2) not null constraint settlement_tariff_price_kr_check check (price_kr > 0),
  valid_from                  date not null,
  valid_to                    date,
  source                      text not null constraint settlement_tariff_source_check check (source in ('indicative', 'agreed')),
  source_note                 text not null constraint settlement_tariff_source_note_check check (length(btrim(source_note)) between 1 and 500),
  created_by                  uuid constraint settlement_tariff_created_by_fkey references staff_user (id),
  created_at                  timestamptz not null default now(),
  ended_by                    uuid constraint settlement_tariff_ended_by_fkey references staff_user (id),
  ended_at                    timestamptz,
  constraint settlement_tariff_valid_to_check check (valid_to is null or valid_to >= valid_from)
);
create index settlement_tariff_intervention_code_idx on settlement_tariff (intervention_code, unit, valid_from);
create index settlement_tariff_provider_municipality_code_idx on settlement_tariff (provider_municipality_code);
create index settlement_tariff_created_by_idx on settlement_tariff (created_by);
create index settlement_tariff_ended_by_idx on settlement_tariff (ended_by);

-- A period settled net between the municipalities: locked. Settled periods never overlap, and
-- each is settled after the ones before it (the service checks under a table lock).
create table settlement (
  id           uuid constraint settlement_pkey primary key default gen_random_uuid(),
  period_from  date not null,
  period_to    date not null,
  locked_at    timestamptz not null default now(),
  locked_by    uuid constraint settlement_locked_by_fkey references staff_user (id),
  locked_by_label text not null,
  constraint settlement_period_check check (period_to >= period_from),
  constraint settlement_period_from_key unique (period_from)
);
create index settlement_locked_by_idx on settlement (locked_by);

-- The settled statement's lines: units delivered by a provider to a home municipality's
-- citizens, of one intervention and unit at one price (null: no tariff on those days), and the
-- amount in øre. A correction line (`corrects_settlement_id` set) is what the records now say
-- of that earlier settled period less what was settled for it.
create table settlement_line (
  settlement_id               uuid not null constraint settlement_line_settlement_id_fkey references settlement (id),
  line_no                     integer not null,
  provider_municipality_code  char(4) not null,
  home_municipality_code      char(4) not null,
  intervention_code           text not null,
  unit                        text not null constraint settlement_line_unit_check check (unit in ('session', 'course')),
  units                       integer not null,
  price_kr                    numeric(10, 2),
  amount_ore                  bigint not null,
  corrects_settlement_id      uuid constraint settlement_line_corrects_settlement_id_fkey references settlement (id),
  constraint settlement_line_pkey primary key (settlement_id, line_no),
  constraint settlement_line_pair_check check (provider_municipality_code <> home_municipality_code)
);
create index settlement_line_corrects_settlement_id_idx on settlement_line (corrects_settlement_id);

-- The ledger's reads over ten years of the country: sessions by their time, courses by their start.
create index team_session_starts_at_idx on team_session (starts_at);
create index cross_referral_started_on_idx on cross_referral (started_on);
