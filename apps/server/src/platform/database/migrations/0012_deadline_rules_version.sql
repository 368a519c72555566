-- Which version of the deadline rules the database holds: the deadline policies and the closing
-- days, the two tables every derived deadline reads besides the course's own events. A server
-- keeps them in memory between requests and reloads them only when this value changes, so the
-- worklist and the course pages do not read them again on every request, and every instance
-- behind a load balancer still sees a change at once. Any write to either table, by any path
-- (service, seed, import, a hand-written statement), gives a new random value in the same
-- transaction; a random value, not a counter, so two databases never share one by chance.
create table deadline_rules_version (
  only_row  boolean primary key default true check (only_row),
  version   uuid not null default gen_random_uuid()
);
insert into deadline_rules_version default values;

create function bump_deadline_rules_version() returns trigger
language plpgsql
as $$
begin
  update deadline_rules_version set version = gen_random_uuid();
  return null;
end
$$;

create trigger deadline_policy_changes_rules_version
  after insert or update or delete or truncate on deadline_policy
  for each statement execute function bump_deadline_rules_version();

create trigger closing_day_changes_rules_version
  after insert or update or delete or truncate on closing_day
  for each statement execute function bump_deadline_rules_version();
