-- Organisations as the register MedCom messages are addressed by (issue 12.1): GP clinics,
-- hospitals and their departments, the member municipalities' own units. The organisations feature
-- owns the table now; its value objects (packages/contracts/src/identifiers.ts) are the checks.
--
-- SOR code: at least 11 digits (DK-core `dk-core-sor-identifier`), at most 18. 0001's check allowed
-- 6 to 18 under a name PostgreSQL generated, so it is left in place (a migration drops only a name
-- some migration gave) and this stricter one is added beside it. Every writer of sor_code so far
-- (the GP clinic of the referral form, issue 10.15) accepted only 11 to 18 digits, and the demo
-- had none, so no stored row breaks it; if one did, this migration stops and names the check.
alter table organisation add constraint organisation_sor_code_digits_check check (sor_code ~ '^[0-9]{11,18}$');

-- The GLN (EAN location number, column ean) keeps 0001's check of 13 digits; its GS1 check digit
-- is checked by the organisations service, which names the field. CVR: 8 digits here, modulus 11
-- in the service. Several units of one legal entity share its CVR number, so it is not unique.
alter table organisation add column cvr text constraint organisation_cvr_check check (cvr ~ '^[0-9]{8}$');

-- Found by SOR code and by GLN, and never added twice: 0001 made both columns unique (a unique
-- constraint lets any number of rows leave it null), and their unique indexes are the look-ups.
