-- The settlement's ledger at the national volume (bench/plans-issue14.md): a period's attended
-- sessions read from an index alone (the session, the enrolment; only attended rows), not the
-- attendance table's rows one by one.
create index attendance_attended_session_idx on attendance (team_session_id) include (enrolment_id) where status = 'attended';
