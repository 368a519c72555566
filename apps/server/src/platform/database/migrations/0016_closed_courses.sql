-- Closed courses, the most recently closed first: the home municipality's list of closed courses
-- reads a page of them (issue 10.14). Open courses have their own partial index (0009).
create index course_closed_idx on course (closed_on desc, id) include (referral_id) where closed_on is not null;
