-- name: compute/sidik_data
-- description: what the KPI tables are made of in the database, for the
-- fingerprint of a run's inputs (pipeline/fingerprint.go). Every stored row
-- came with a file, and every file ever seen is one row of berkas (with its
-- status, counts and archive name), so a digest of berkas with the number of
-- findings and problems changes whenever the data do. Then whether the
-- freshness data test fails at $1 (now, UTC) with a limit of $2 days: the
-- same comparison as queries/tests/penilaian_segar.sql, so that the first
-- run after the data go stale computes (and fails) instead of skipping.
SELECT
    (SELECT count(*) || ':' || coalesce(md5(string_agg(CAST(b AS VARCHAR), chr(10) ORDER BY berkas_id)), '') FROM berkas b)
        || ' temuan ' || (SELECT count(*) FROM temuan)
        || ' galat ' || (SELECT count(*) FROM galat) AS data,
    coalesce($2::INTEGER > 0 AND
        (SELECT max(diproses_pada) FROM berkas WHERE dataset = 'penilaian' AND status = 'diterima')
            < $1::TIMESTAMP - to_days($2::INTEGER), false) AS basi;
