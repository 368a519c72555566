-- Expired sessions are removed every few minutes (features/auth/session-cleanup.service.ts). A
-- session has expired when the earlier of its two deadlines has passed (idle, or absolute); this
-- index finds those without reading the live ones.
create index staff_session_expiry_idx on staff_session ((least(idle_expires_at, absolute_expires_at)));
