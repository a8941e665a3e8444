-- Evaluation runs now keep per-class figures (confusion matrix, precision/recall, ECE) and the paths of
-- their error and embedding files in run.details, per split; 4000 characters is too few for many classes.
-- SET DATA TYPE is understood by both H2 and PostgreSQL.
ALTER TABLE run ALTER COLUMN details SET DATA TYPE VARCHAR(200000);
