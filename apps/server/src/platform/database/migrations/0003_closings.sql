-- Closing conversation and closing note (build item 9).

-- The questionnaire of note §11 Table 7 (indicators 4 and 5) is counted over the citizens who
-- were asked. A citizen who was asked and did not want to answer is not the same as one who was
-- never asked, so the refusal is recorded; answers and a refusal exclude each other.
alter table closing_conversation
  add column questionnaire_declined boolean not null default false;
alter table closing_conversation
  add constraint closing_conversation_declined_without_answers check (not questionnaire_declined or (satisfaction is null and benefit is null));

-- Which GP clinic the note went to (the citizen's GP when the note was sent), and who last
-- edited the text before it was sent.
alter table closing_note
  add column gp_organisation_id uuid references organisation (id);
alter table closing_note
  add column edited_at timestamptz;
alter table closing_note
  add column edited_by uuid references staff_user (id);
