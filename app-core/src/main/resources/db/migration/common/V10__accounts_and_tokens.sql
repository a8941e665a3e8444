-- Issue 17: accounts that can be managed and API tokens that can be listed, revoked and expire.
-- demo: created by the demo profile; such accounts work only while the demo is switched on.
ALTER TABLE app_user ADD COLUMN demo BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE app_user SET demo = TRUE
 WHERE username IN ('admin', 'lead', 'executive', 'vendor') AND display_name LIKE 'Demo %';

ALTER TABLE api_token ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX idx_api_token_user ON api_token (user_id);
