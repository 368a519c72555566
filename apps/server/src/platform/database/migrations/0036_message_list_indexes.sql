-- The administrators' message list and the unmatched inbox at the national volume (bench/plans-issue12.md):
-- newest first over all messages or one municipality's, read from an index in that order instead
-- of sorting the table; the unmatched messages (the menu's count on every page) from a partial index.
create index message_created_at_id_idx on message (created_at desc, id);
create index message_municipality_code_created_at_idx on message (municipality_code, created_at desc, id);
drop index message_municipality_code_idx;
create index message_unmatched_idx on message (municipality_code, created_at) where direction = 'in' and state = 'unmatched';
