-- name: publish/memahami/jp
-- description: the yearly target of competence development hours (JP) the
-- last compute used (table parameter), for the public explainer.
SELECT nilai AS target_jp FROM parameter WHERE nama = 'target_jp_tahunan';
