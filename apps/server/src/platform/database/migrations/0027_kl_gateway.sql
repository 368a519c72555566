-- KL Gateway reports (issue 12.8): per period one delivery report per citizen, §140
-- (kl.dk.fhir.rehab 2.2.0) and §119 (kl.dk.fhir.prevention 2.1.0). Owned by features/kl-gateway.

-- The FSIII codes administrators give the catalogue's interventions (a level-2 FSIII
-- intervention) and the needs assessment's items (an FSIII condition), per legal basis. A row
-- with a null code says "not reported under this basis" — kept, so that the reference-data seed,
-- which only adds missing rows, never brings back a default an administrator removed.
create table kl_gateway_intervention_code (
  intervention_code  text not null constraint kl_gateway_intervention_code_intervention_code_fkey references intervention (code),
  legal_basis        text not null constraint kl_gateway_intervention_code_legal_basis_check check (legal_basis in ('SUL140', 'SUL119')),
  fsiii_code         text constraint kl_gateway_intervention_code_fsiii_code_check check (fsiii_code ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  updated_at         timestamptz not null default now(),
  updated_by         uuid constraint kl_gateway_intervention_code_updated_by_fkey references staff_user (id),
  constraint kl_gateway_intervention_code_pkey primary key (intervention_code, legal_basis)
);
create index kl_gateway_intervention_code_updated_by_idx on kl_gateway_intervention_code (updated_by);

create table kl_gateway_condition_code (
  item_code    text not null constraint kl_gateway_condition_code_item_code_fkey references assessment_item (code),
  legal_basis  text not null constraint kl_gateway_condition_code_legal_basis_check check (legal_basis in ('SUL140', 'SUL119')),
  fsiii_code   text constraint kl_gateway_condition_code_fsiii_code_check check (fsiii_code ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  updated_at   timestamptz not null default now(),
  updated_by   uuid constraint kl_gateway_condition_code_updated_by_fkey references staff_user (id),
  constraint kl_gateway_condition_code_pkey primary key (item_code, legal_basis)
);
create index kl_gateway_condition_code_updated_by_idx on kl_gateway_condition_code (updated_by);

-- A municipality's SOR codes for the reports: the custodian (journalførende organisation, the
-- citizen's managingOrganization) and the unit that delivers (the performer; null = the custodian).
create table kl_gateway_municipality (
  municipality_code  text not null constraint kl_gateway_municipality_municipality_code_fkey references municipality (code),
  custodian_sor      text not null constraint kl_gateway_municipality_custodian_sor_check check (custodian_sor ~ '^[0-9]{11,18}$'),
  unit_sor           text constraint kl_gateway_municipality_unit_sor_check check (unit_sor ~ '^[0-9]{11,18}$'),
  updated_at         timestamptz not null default now(),
  updated_by         uuid constraint kl_gateway_municipality_updated_by_fkey references staff_user (id),
  constraint kl_gateway_municipality_pkey primary key (municipality_code)
);
create index kl_gateway_municipality_updated_by_idx on kl_gateway_municipality (updated_by);

-- The delivery log: each export (who, when, which municipality, basis and period, and who was
-- left out and why — citizen ids, never a CPR number) ...
create table kl_gateway_export (
  id                        uuid not null default gen_random_uuid(),
  municipality_code         text not null constraint kl_gateway_export_municipality_code_fkey references municipality (code),
  legal_basis               text not null constraint kl_gateway_export_legal_basis_check check (legal_basis in ('SUL140', 'SUL119')),
  period_from               date not null,
  period_to                 date not null,
  mode                      text not null constraint kl_gateway_export_mode_check check (mode in ('incremental', 'full')),
  created_at                timestamptz not null default now(),
  created_by                uuid constraint kl_gateway_export_created_by_fkey references staff_user (id),
  actor_label               text not null,
  reported_count            integer not null constraint kl_gateway_export_reported_count_check check (reported_count >= 0),
  unchanged_count           integer not null constraint kl_gateway_export_unchanged_count_check check (unchanged_count >= 0),
  resource_count            integer not null constraint kl_gateway_export_resource_count_check check (resource_count >= 0),
  left_out                  jsonb not null,
  unmapped_interventions    text[] not null,
  unmapped_assessment_items text[] not null,
  constraint kl_gateway_export_pkey primary key (id),
  constraint kl_gateway_export_period_check check (period_to >= period_from)
);
create index kl_gateway_export_municipality_code_idx on kl_gateway_export (municipality_code, legal_basis, created_at desc);
create index kl_gateway_export_created_by_idx on kl_gateway_export (created_by);

-- ... per citizen the delivery report's Bundle id ...
create table kl_gateway_delivered_bundle (
  export_id       uuid not null constraint kl_gateway_delivered_bundle_export_id_fkey references kl_gateway_export (id),
  citizen_id      uuid not null constraint kl_gateway_delivered_bundle_citizen_id_fkey references citizen (id),
  bundle_id       uuid not null constraint kl_gateway_delivered_bundle_bundle_id_key unique,
  resource_count  integer not null constraint kl_gateway_delivered_bundle_resource_count_check check (resource_count > 0),
  constraint kl_gateway_delivered_bundle_pkey primary key (export_id, citizen_id)
);
create index kl_gateway_delivered_bundle_citizen_id_idx on kl_gateway_delivered_bundle (citizen_id);

-- ... and each resource sent: its id (the same in every delivery), a hash of its content (the
-- next incremental delivery sends only what is new or changed) and, except for the citizen
-- (whose CPR number is not kept twice), the resource as sent: a resource that disappears from
-- Samkraft is sent once more as entered-in-error.
create table kl_gateway_delivered_resource (
  export_id      uuid not null constraint kl_gateway_delivered_resource_export_id_fkey references kl_gateway_export (id),
  citizen_id     uuid not null constraint kl_gateway_delivered_resource_citizen_id_fkey references citizen (id),
  resource_type  text not null,
  resource_id    uuid not null,
  hash           text not null constraint kl_gateway_delivered_resource_hash_check check (hash ~ '^[0-9a-f]{64}$'),
  resource       jsonb,
  constraint kl_gateway_delivered_resource_pkey primary key (export_id, citizen_id, resource_id),
  constraint kl_gateway_delivered_resource_patient_check check ((resource_type = 'Patient') = (resource is null))
);
create index kl_gateway_delivered_resource_citizen_id_idx on kl_gateway_delivered_resource (citizen_id, resource_id);
