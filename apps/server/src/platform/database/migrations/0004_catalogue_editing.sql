-- Catalogue editing: an inferred route (not read from the source) can be reviewed by an
-- administrator; who confirmed it and when is kept on the route, not only in the audit log, so the
-- catalogue page can show that it was checked.
alter table routing add column reviewed_at timestamptz;
alter table routing add column reviewed_by uuid references staff_user (id);
alter table routing add constraint routing_reviewed_check check ((reviewed_at is null) = (reviewed_by is null));
