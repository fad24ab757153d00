-- The fingerprint of a case's first applicant, employer and claims (SHA-256): an identical application is found by
-- one indexed look-up, however many cases the worker and the employer have.
ALTER TABLE dc_case ADD COLUMN application_fingerprint CHAR(64);
CREATE INDEX ix_dc_case_fingerprint ON dc_case (application_fingerprint, created_at);
