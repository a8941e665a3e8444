-- Issue 3: validation progress visible to the uploader, and fast "is this blob still referenced?"
-- look-ups when a rejected or deleted version gives its blobs back.
ALTER TABLE dataset_version ADD COLUMN progress DOUBLE PRECISION DEFAULT 0 NOT NULL;
CREATE INDEX idx_sample_image_hash ON sample (image_hash);
CREATE INDEX idx_sample_mask_hash ON sample (mask_hash);
