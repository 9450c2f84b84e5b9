-- Section 10 of the contract lets ids and codes be 100 characters and free text 2,000, and whatever is
-- stored must read back exactly. V1 kept authority codes in 64. H2 counts a VARCHAR's length in UTF-16
-- units (a letter outside the Basic Multilingual Plane takes two), PostgreSQL in characters, so every
-- id or code column holds 200 and free text 4,000: the contract's limits on both databases. A unit id is
-- "group:" + sibling group + "@" + child id, so it holds two codes and a little more.
-- Widening a VARCHAR keeps its data, keys and foreign keys on both databases.
ALTER TABLE register_provider ALTER COLUMN authority SET DATA TYPE VARCHAR(200);
ALTER TABLE register_child ALTER COLUMN authority SET DATA TYPE VARCHAR(200);
ALTER TABLE plan_run ALTER COLUMN authority SET DATA TYPE VARCHAR(200);
ALTER TABLE register_authority ALTER COLUMN authority SET DATA TYPE VARCHAR(200);
ALTER TABLE register_provider ALTER COLUMN local_authority SET DATA TYPE VARCHAR(200);
ALTER TABLE audit_log ALTER COLUMN authority SET DATA TYPE VARCHAR(200);
ALTER TABLE run_change ALTER COLUMN unit_id SET DATA TYPE VARCHAR(500);
