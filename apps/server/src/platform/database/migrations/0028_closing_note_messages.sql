-- The closing note's MedCom messages (issue 12.3): the CareCommunication that took it to the GP,
-- and the one that took it to the hospital department, so the closing page shows each one's state
-- (the course's other correspondence is not the note). Plain ids without a foreign key: the table
-- `message` is created by migration 0030, which a new database applies after this one. Notes sent
-- before are filled by 0029.
alter table closing_note add column gp_message_id uuid;
alter table closing_note add column hospital_message_id uuid;
