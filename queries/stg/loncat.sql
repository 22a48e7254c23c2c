-- name: stg/loncat
-- description: creates the table of a CSV file's line jumps (record, line):
-- record number `record` (0-based, blank lines not counted) starts on line
-- `line`, and the records after it on the lines after it, until the next
-- jump. A blank line or a record over several lines makes a jump.
CREATE OR REPLACE TEMP TABLE stg_loncat (record BIGINT, line BIGINT);
