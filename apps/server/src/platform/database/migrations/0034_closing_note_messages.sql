-- The closing note's MedCom messages (issue 12.3): the CareCommunication that took it to the GP,
-- and the one that took it to the hospital department, so the closing page shows each one's state
-- (the course's other correspondence is not the note). Notes sent before are filled by 0035.
alter table closing_note
  add column gp_message_id uuid constraint closing_note_gp_message_fk references message (id),
  add column hospital_message_id uuid constraint closing_note_hospital_message_fk references message (id);
create index closing_note_gp_message_idx on closing_note (gp_message_id);
create index closing_note_hospital_message_idx on closing_note (hospital_message_id);
