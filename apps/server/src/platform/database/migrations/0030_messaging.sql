-- The messaging module's inbox and outbox (issue 12): every message Samkraft sends or receives,
-- MedCom FHIR messages and OIOXML letters alike, with its state, its sends and its answer.
-- `envelope_id` is the transmission's id (Bundle.id, OIOXML Envelope/Identifier): new on every
-- send; `letter_id` the message's own (MessageHeader.id, Letter/Identifier): kept on a resend, and
-- the key duplicates are known by. The payload is kept as sent or received (health data: read only
-- through the messaging service, which audits it).
create table message (
  id uuid primary key default gen_random_uuid(),
  direction text not null constraint message_direction_check check (direction in ('in', 'out')),
  format text not null constraint message_format_check check (format in ('fhir_json', 'oioxml')),
  kind text not null constraint message_kind_check check (kind in ('care_communication', 'acknowledgement', 'hospital_notification', 'hospital_referral', 'receipt', 'unknown')),
  state text not null constraint message_state_check check (state in ('queued', 'sent', 'delivered', 'failed', 'accepted', 'unmatched', 'refused')),
  -- why it failed or was refused: a code the UI explains, and a text without CPR numbers
  reason_code text,
  reason_text text,
  envelope_id text not null,
  letter_id text,
  sender_id text,
  receiver_id text,
  municipality_code char(4) constraint message_municipality_code_fkey references municipality (code),
  course_id uuid constraint message_course_id_fkey references course (id),
  citizen_id uuid constraint message_citizen_id_fkey references citizen (id),
  -- an acknowledgement or receipt: the message it answers
  answers_id uuid constraint message_answers_id_fkey references message (id),
  sends integer not null default 0 constraint message_sends_check check (sends >= 0),
  next_send_at timestamptz,
  sent_at timestamptz,
  acknowledged_at timestamptz,
  acknowledgement_code text constraint message_acknowledgement_code_check check (acknowledgement_code in ('ok', 'transient-error', 'fatal-error')),
  duplicates integer not null default 0 constraint message_duplicates_check check (duplicates >= 0),
  last_duplicate_at timestamptz,
  content_type text not null,
  payload bytea not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint message_direction_state_check check (
    (direction = 'out' and state in ('queued', 'sent', 'delivered', 'failed'))
    or (direction = 'in' and state in ('accepted', 'unmatched', 'refused'))
  )
);

-- A message received twice (same MessageHeader id or letter id from the same sender) is one row.
create unique index message_in_letter_key on message (sender_id, letter_id) where direction = 'in' and letter_id is not null;
-- An envelope id is never reused for another message.
create unique index message_direction_envelope_id_key on message (direction, envelope_id);
create index message_course_id_idx on message (course_id);
create index message_citizen_id_idx on message (citizen_id);
create index message_answers_id_idx on message (answers_id);
create index message_municipality_code_idx on message (municipality_code);
-- The outbox's work: what to write now, and what waits for its acknowledgement.
create index message_out_due_idx on message (next_send_at) where direction = 'out' and state in ('queued', 'sent');
-- The out message an acknowledgement answers, by its MessageHeader id.
create index message_out_letter_id_idx on message (letter_id) where direction = 'out';
