-- The foreign key planning_scenario.created_by (migration 0045) gets its index, as every foreign key
-- does (indexes.db.test.ts): deleting or merging a staff user checks it, and "my scenarios" reads by it.
create index planning_scenario_created_by_idx on planning_scenario (created_by);
