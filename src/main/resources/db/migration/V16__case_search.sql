-- Find a case by the last four characters of a party's identity number (what a worker at the counter reads out):
-- kept beside the number so that the look-up is one indexed equality, and by phone.
ALTER TABLE dc_party ADD COLUMN id_suffix VARCHAR(4);
UPDATE dc_party SET id_suffix = UPPER(RIGHT(id_number, 4));
CREATE INDEX ix_dc_party_id_suffix ON dc_party (id_suffix);
CREATE INDEX ix_dc_party_phone ON dc_party (phone);
CREATE INDEX ix_dc_party_name ON dc_party (name);
