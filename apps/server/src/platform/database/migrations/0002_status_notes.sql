-- Status notes from the providing municipality to the home municipality (build item 7).

-- Why the intervention ended, on the end note itself: the referral's end_reason is set from it
-- only while still empty, so the note keeps what the provider reported.
alter table status_note
  add column end_reason text check (end_reason in ('completed', 'dropped_out', 'health_worsened', 'died', 'moved', 'other'));
alter table status_note
  add constraint status_note_end_reason_only_on_end check (kind = 'end' or end_reason is null);

-- At most one start note and one end note per cross-referral; the other kinds any number of times.
create unique index status_note_one_start_end_key on status_note (cross_referral_id, kind) where kind in ('start', 'end');

create index status_note_cross_referral_idx on status_note (cross_referral_id, sent_at);
