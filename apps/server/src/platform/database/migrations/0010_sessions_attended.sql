-- The one definition of the sessions a citizen attended in an intervention (a cross_referral row),
-- shared by the report (course length, completeness), the closing note, the status notes and the
-- extract export:
--   enrolled in a team in Samkraft  → the attendance rows marked attended (0 before the first);
--   otherwise                       → the count the provider gave in the end status note,
--                                     else the count an imported extract carried;
--   none of these                   → unknown (null).
-- Set-based over the ids given (one array, whatever their number): callers pass the set they
-- report on, e.g. `sessions_attended(array(select id from …))`. A SQL function of one SELECT is
-- inlined into the calling query by the planner.
create function sessions_attended(ids uuid[])
returns table (cross_referral_id uuid, sessions_attended integer)
language sql stable
as $$
  select x.id,
    case when e.cross_referral_id is not null then e.attended
         else coalesce(n.attendance_count, x.attendances_recorded) end
  from cross_referral x
  left join (
    select en.cross_referral_id, (count(a.enrolment_id) filter (where a.status = 'attended'))::integer as attended
    from enrolment en
    left join attendance a on a.enrolment_id = en.id
    where en.cross_referral_id = any(ids)
    group by en.cross_referral_id
  ) e on e.cross_referral_id = x.id
  left join (
    select sn.cross_referral_id, max(sn.attendance_count) as attendance_count
    from status_note sn
    where sn.kind = 'end' and sn.cross_referral_id = any(ids)
    group by sn.cross_referral_id
  ) n on n.cross_referral_id = x.id
  where x.id = any(ids)
$$;
