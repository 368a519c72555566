-- A settled period is never rewritten: its settlement row and its lines take no update or
-- delete (a change to the records comes as a correction line in a later settlement). The
-- repository only inserts them; this makes it hold for any other writer too.
create function settlement_refuse_change() returns trigger
language plpgsql
as $$
begin
  raise exception 'a settled period is never rewritten (% on %)', tg_op, tg_table_name
    using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger settlement_no_update_or_delete before update or delete on settlement
  for each row execute function settlement_refuse_change();
create trigger settlement_line_no_update_or_delete before update or delete on settlement_line
  for each row execute function settlement_refuse_change();
create trigger settlement_no_truncate before truncate on settlement
  for each statement execute function settlement_refuse_change();
create trigger settlement_line_no_truncate before truncate on settlement_line
  for each statement execute function settlement_refuse_change();
