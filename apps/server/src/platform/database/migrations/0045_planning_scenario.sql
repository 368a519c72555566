-- Saved placement-planner scenarios (issue 14.2; note §8.7, Bilag G): the steering group's runs of
-- the planner kept to compare and export. Aggregates only — municipalities, interventions,
-- citizens a year and kilometres — never a person. The whole result (request, the scenarios side
-- by side, the LP file and its solution) is kept as it was shown, so an export years later gives
-- the same figures. Owned by `planning`.
create table planning_scenario (
  id                  uuid constraint planning_scenario_pkey primary key default gen_random_uuid(),
  name                text not null constraint planning_scenario_name_check check (length(btrim(name)) between 1 and 200),
  status              text constraint planning_scenario_status_check check (status in ('optimal', 'gap', 'infeasible', 'no_solution')),
  citizen_km          double precision constraint planning_scenario_citizen_km_check check (citizen_km >= 0),
  municipality_count  integer not null constraint planning_scenario_municipality_count_check check (municipality_count between 1 and 99),
  result              jsonb not null,
  created_by          uuid constraint planning_scenario_created_by_fkey references staff_user (id),
  created_at          timestamptz not null default now()
);
create index planning_scenario_created_at_idx on planning_scenario (created_at desc, id);
