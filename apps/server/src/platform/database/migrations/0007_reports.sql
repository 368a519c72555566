-- Reports: the potential for cancer rehabilitation per municipality (report "Vi samler
-- kræfterne" 2017, Tabel 1, after Kræftens Bekæmpelse: "Kommunale kræfttal 2016"). Coverage =
-- referrals received ÷ (expected new cancer cases a year × the share needing municipal
-- rehabilitation, about 40 %). A configurable table: a municipality may add a year's figures or
-- change the share. The 2016 rows are seeded by features/reference-data (the municipalities must
-- exist first).
create table cancer_potential (
  municipality_code   char(4) not null references municipality (code),
  year                integer not null check (year between 2000 and 2100),
  new_cases           integer not null check (new_cases >= 0),       -- expected new cancer cases a year
  living_with_cancer  integer check (living_with_cancer >= 0),       -- expected citizens living with cancer
  rehab_share         numeric(4, 3) not null default 0.400 check (rehab_share > 0 and rehab_share <= 1),
  source              text not null check (length(source) > 0),
  primary key (municipality_code, year)
);
