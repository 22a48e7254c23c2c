-- name: publish/situs/tren
-- description: one built-in KPI's values ($1, the indicator) per month and OPD ('' the province), for its page.
SELECT periode, opd_kode, nilai FROM tren WHERE indikator = $1 ORDER BY periode, opd_kode;
