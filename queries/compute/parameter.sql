-- name: compute/parameter
-- description: creates the table of the configured thresholds that a
-- compute used (name, value), so that an analyst sees them beside the KPIs.
CREATE OR REPLACE TABLE parameter (nama VARCHAR PRIMARY KEY, nilai DOUBLE);
