-- Numbers taken from a counter (case, risk and 法治体检 numbers) and not yet used by a committed record.
-- A counter row is now incremented in its own short transaction (its row lock is held for milliseconds, not through
-- the whole intake); the number is written here in that transaction and deleted by the intake's transaction, which
-- holds the row's lock until it ends. A committed intake leaves no row. A rolled-back intake leaves the row, marked
-- released, and the next intake of the organisation takes it; a node that died mid-intake leaves it unmarked, and it
-- is taken once it is older than any intake can last (dispute.numbers.reuse-after). So the numbers stay gap-free.
CREATE TABLE dc_number_allocation (
    counter_name  VARCHAR(40)  NOT NULL,   -- the counter table the number came from
    org_code      VARCHAR(32)  NOT NULL,
    number_year   INTEGER      NOT NULL,
    number_value  INTEGER      NOT NULL,
    allocated_at  TIMESTAMP    NOT NULL,
    released      BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (counter_name, org_code, number_year, number_value)
);
