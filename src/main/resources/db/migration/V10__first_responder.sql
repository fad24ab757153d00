-- 首问负责: the member of staff who first took the application owns the case until it is handed over.
ALTER TABLE dc_case ADD COLUMN first_responder VARCHAR(64);
