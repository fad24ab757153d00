-- The board's overdue and soon-due steps by organisation (see db/postgresql/V21: partial, covering indexes there).
CREATE INDEX ix_dc_case_deadline_open ON dc_case_deadline (state, case_id, task_id);
CREATE INDEX ix_dc_case_org_id ON dc_case (org_code, id, stage);
