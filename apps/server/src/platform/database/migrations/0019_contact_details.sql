-- Contact details the citizen and the providing municipality need (issue 10.16): a staff user's
-- work phone, and the home municipality's rehabilitation unit phone, printed and shown when the
-- contact person has none. Both digits and spaces with an optional leading +, as typed.
alter table staff_user add column phone text check (phone ~ '^\+?[0-9][0-9 ]{6,18}[0-9]$');
alter table municipality add column unit_phone text check (unit_phone ~ '^\+?[0-9][0-9 ]{6,18}[0-9]$');
