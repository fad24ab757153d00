-- The employer's credit code on the case itself, so that what intake counts for an employer (its open cases, their
-- workers and claims: the case-cluster rule) is one index range over that employer's cases. Counted through the
-- party rows, the planner could not know how many cases a new employer has and, once it had thousands, joined them
-- with every open case (measured: 99 ms for 850 cases, growing with the square).
ALTER TABLE dc_case ADD COLUMN employer_credit_code VARCHAR(64);
UPDATE dc_case SET employer_credit_code = (SELECT MIN(p.id_number) FROM dc_party p
                                           WHERE p.case_id = dc_case.id AND p.role = 'EMPLOYER');
CREATE INDEX ix_dc_case_employer ON dc_case (employer_credit_code, status, received_on);
