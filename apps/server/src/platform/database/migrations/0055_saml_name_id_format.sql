-- A session opened through a SAML identity provider keeps the NameID as the IdP sent it — its
-- Format and, when sent, its NameQualifier and SPNameQualifier — so that the LogoutRequest
-- Samkraft sends names the person exactly so (SAML core 3.7.1 / 2.2.2), not always in the
-- persistent format. Additive: a session from before keeps nulls (its provider's usual format).
alter table citizen_session add column idp_name_id_format text;
alter table citizen_session add column idp_name_qualifier text;
alter table citizen_session add column idp_sp_name_qualifier text;

alter table staff_session add column idp_name_id_format text;
alter table staff_session add column idp_name_qualifier text;
alter table staff_session add column idp_sp_name_qualifier text;
