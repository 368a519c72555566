-- The questionnaire at closing (issue 13.5): the satisfaction and benefit questions behind
-- indicators 4 and 5 are answered either by the citizen on their own phone (in the citizen
-- portal, /borger/spoergeskema) or entered by staff at the closing conversation, as before.
--
-- answer_source says who gave the answers: 'staff' (typed in by staff at the conversation) or
-- 'citizen' (the staff member chose "the citizen answers on their own phone"). Every row written
-- before this migration — by hand, imported from an extract, demo or synthetic — was typed in by
-- staff, so the column's default 'staff' is their source; an import still writes 'staff' (an
-- extract carries no answers). The column is added with its default, which PostgreSQL records
-- without rewriting or updating a row.
alter table closing_conversation
  add column answer_source text not null default 'staff'
    constraint closing_conversation_answer_source_check check (answer_source in ('staff', 'citizen'));

-- A questionnaire sent to the citizen: when and by whom it was requested, the last day it can be
-- answered (working days in the home municipality's calendar), and when the citizen answered.
-- Once answered it is final: neither the citizen nor staff can change the answers.
alter table closing_conversation add column citizen_requested_at timestamptz;
alter table closing_conversation
  add column citizen_requested_by uuid constraint closing_conversation_citizen_requested_by_fkey references staff_user (id);
alter table closing_conversation add column citizen_due_on date;
alter table closing_conversation add column citizen_answered_at timestamptz;

alter table closing_conversation
  add constraint closing_conversation_citizen_request_check
    check ((answer_source = 'citizen') = (citizen_requested_at is not null and citizen_due_on is not null));
alter table closing_conversation
  add constraint closing_conversation_citizen_answered_check
    check (citizen_answered_at is null or (answer_source = 'citizen' and citizen_answered_at >= citizen_requested_at));
-- Until the citizen answers, a questionnaire sent to them holds no answers and no refusal.
alter table closing_conversation
  add constraint closing_conversation_citizen_pending_check
    check (answer_source = 'staff' or citizen_answered_at is not null or (satisfaction is null and benefit is null and not questionnaire_declined));

create index closing_conversation_citizen_requested_by_idx on closing_conversation (citizen_requested_by);
