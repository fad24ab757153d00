-- One-off steps the application runs on the engine's own tables at start-up (e.g. giving running cases their
-- organisation's tenant), recorded so that each runs once per database.
CREATE TABLE dc_setup_step (
    name     VARCHAR(80) PRIMARY KEY,
    done_at  TIMESTAMP   NOT NULL,
    detail   VARCHAR(1000)
);
