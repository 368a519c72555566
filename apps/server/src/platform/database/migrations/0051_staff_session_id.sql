-- A session's public id (issue 15.5): a user lists and ends their own sessions, an administrator
-- ends a user's sessions. The token's hash stays the key every request looks up; the id is what a
-- list shows and an "end" names, so no token hash ever leaves the server.
alter table staff_session add column id uuid not null default gen_random_uuid();
create unique index staff_session_id_key on staff_session (id);
