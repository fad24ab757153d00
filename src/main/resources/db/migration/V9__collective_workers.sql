-- Collective disputes (LDMAL art.7): each worker of a case keeps what they claim, whether the workers elected them
-- as a representative, and their own outcome (in a collective case some workers may settle while the others go on).
ALTER TABLE dc_party ADD COLUMN claimed_amount NUMERIC(14,2);
ALTER TABLE dc_party ADD COLUMN representative BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE dc_party ADD COLUMN outcome VARCHAR(40);
ALTER TABLE dc_party ADD COLUMN outcome_stage VARCHAR(20);
ALTER TABLE dc_party ADD COLUMN outcome_at TIMESTAMP;
