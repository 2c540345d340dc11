-- Drill outcomes come from the backup CLI's drill log; log_id makes importing them idempotent.
ALTER TABLE drills ADD COLUMN log_id TEXT;
CREATE UNIQUE INDEX drills_by_log_id ON drills (log_id);
