-- Hospital referrals in (issue 12.5): a referral that arrives as a message (MedCom's OIOXML
-- XREF01 today) is kept as a draft for the receiving municipality until a contact person or
-- lead accepts it into the normal intake (the referral it became) or rejects it (why). Owned by
-- features/hospital-referrals. A letter is known by its sender's EAN and its letter id: the same
-- letter again finds this row and gets the receipt stored here, never a second draft.
create table draft_referral (
  id                         uuid primary key default gen_random_uuid(),
  received_at                timestamptz not null,
  municipality_code          char(4) not null constraint draft_referral_municipality_code_fkey references municipality (code),
  receiving_organisation_id  uuid not null constraint draft_referral_receiving_organisation_id_fkey references organisation (id),
  -- As a list though it has one value (`in ('x')` would be stored as `= 'x'`, no longer a list).
  format                     text not null constraint draft_referral_format_check check (format = any (array['oioxml_xref01'])),
  envelope_id                text not null constraint draft_referral_envelope_id_check check (length(envelope_id) between 1 and 100),
  letter_id                  text not null constraint draft_referral_letter_id_check check (length(letter_id) between 1 and 100),
  status_code                text,
  -- The sender's own local time, as the letter writes it.
  sent_at                    text,
  episode_of_care_id         text,
  sender_ean                 text not null constraint draft_referral_sender_ean_check check (length(sender_ean) between 1 and 35),
  sender_identifier          text,
  sender_identifier_code     text,
  sender_organisation_name   text,
  sender_department_name     text,
  sender_unit_name           text,
  sender_address             text,
  sender_phone               text,
  sender_speciality_code     text,
  referrer_name              text,
  referrer_title             text,
  receiver_ean               text not null constraint draft_referral_receiver_ean_check check (length(receiver_ean) between 1 and 35),
  receiver_organisation_name text,
  receiver_department_name   text,
  -- As citizen.cpr stores it: 10 characters, no dash (a replacement CPR may carry letters).
  cpr                        text constraint draft_referral_cpr_check check (cpr ~ '^[0-9]{6}[0-9A-Z]{4}$'),
  other_identifier           text,
  given_name                 text,
  family_name                text not null,
  address_line               text,
  postal_code                text,
  city                       text,
  -- [{ "number": "20222324", "kind": "mobil" }, …]
  phones                     jsonb not null default '[]'::jsonb,
  email                      text,
  diagnosis_code             text,
  diagnosis_type             text,
  diagnosis_text             text,
  -- [{ "code": "DE659", "type": "SKSdiagnosekode", "text": "Fedme u. spec", "description": "tillaegsdiagnose" }, …]
  additional_diagnoses       jsonb not null default '[]'::jsonb,
  priority                   text,
  clinical_reason            text,
  supplementary              text,
  cave                       text,
  anamnesis                  text,
  examination                text,
  actual_medicine            text,
  receipt_xml                text,
  state                      text not null default 'pending' constraint draft_referral_state_check check (state in ('pending', 'accepted', 'rejected')),
  decided_by                 uuid constraint draft_referral_decided_by_fkey references staff_user (id),
  decided_at                 timestamptz,
  rejection_reason           text constraint draft_referral_rejection_reason_check check (length(rejection_reason) between 1 and 1000),
  referral_id                uuid constraint draft_referral_referral_id_fkey references referral (id),
  constraint draft_referral_sender_ean_letter_id_key unique (sender_ean, letter_id),
  constraint draft_referral_decision_check check (
    (state = 'pending' and decided_at is null and decided_by is null and referral_id is null and rejection_reason is null)
    or (state = 'accepted' and decided_at is not null and decided_by is not null and referral_id is not null and rejection_reason is null)
    or (state = 'rejected' and decided_at is not null and decided_by is not null and referral_id is null and rejection_reason is not null)
  ),
  constraint draft_referral_diagnosis_check check (diagnosis_text is not null or (diagnosis_code is null and diagnosis_type is null)),
  constraint draft_referral_phones_check check (jsonb_typeof(phones) = 'array'),
  constraint draft_referral_additional_diagnoses_check check (jsonb_typeof(additional_diagnoses) = 'array')
);
-- The receiving municipality's list (its pending drafts, newest first) and its count.
create index draft_referral_municipality_code_idx on draft_referral (municipality_code, state, received_at);
create index draft_referral_receiving_organisation_id_idx on draft_referral (receiving_organisation_id);
create index draft_referral_decided_by_idx on draft_referral (decided_by);
create index draft_referral_referral_id_idx on draft_referral (referral_id);
