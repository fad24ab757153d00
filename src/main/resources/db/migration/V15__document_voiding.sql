-- A document issued in error is voided (作废) with a reason, never deleted or overwritten: the original row stays as
-- it was issued, and this table says who voided it, when and why.
CREATE TABLE dc_document_void (
    document_id  BIGINT        NOT NULL PRIMARY KEY REFERENCES dc_document (id),
    voided_by    VARCHAR(64)   NOT NULL,
    voided_at    TIMESTAMP     NOT NULL,
    reason       VARCHAR(500)  NOT NULL
);
-- A corrected document names the voided one it replaces.
ALTER TABLE dc_document ADD COLUMN replaces_id BIGINT REFERENCES dc_document (id);
