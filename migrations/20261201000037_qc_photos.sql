-- QC photos kept in S3 (issue #16). A photo belongs to a checklist and,
-- optionally, to one of its items or one of its defects; its id is made by
-- the tablet, so an upload replayed after a dropped connection finds the
-- photo it already stored instead of storing a second one. The object and
-- its thumbnail are written first and the rows after (the host's photo
-- route): a row always names objects that exist. The file's own record
-- (size, type, checksum, dimensions, who uploaded it) is its
-- `files.documents` row; the object keys are repeated here so a checklist's
-- photos are listed without the join.
--
-- Both tables already carry their audit trigger (migration 14) and the
-- chain's statement lock (migration 30); nothing new needs one.

-- The design's URL and path columns are gone: photos are served only
-- through the app, by id, to users who may read the checklist.
ALTER TABLE quality.qc_photos
    DROP COLUMN file_path,
    DROP COLUMN full_url,
    DROP COLUMN thumbnail_url,
    ALTER COLUMN id DROP DEFAULT,
    ALTER COLUMN checklist_item_id DROP NOT NULL,
    ALTER COLUMN taken_at SET NOT NULL,
    ADD COLUMN checklist_id UUID NOT NULL
        REFERENCES quality.qc_checklists(id) ON DELETE CASCADE,
    ADD COLUMN defect_id UUID REFERENCES quality.qc_defects(id),
    ADD COLUMN document_id UUID NOT NULL
        CONSTRAINT qc_photo_document_unique UNIQUE REFERENCES files.documents(id),
    ADD COLUMN object_key VARCHAR(500) NOT NULL,
    ADD COLUMN thumbnail_key VARCHAR(500) NOT NULL,
    ADD COLUMN checksum_sha256 CHAR(64) NOT NULL
        CONSTRAINT qc_photo_checksum_format CHECK (checksum_sha256 ~ '^[0-9a-f]{64}$');

CREATE INDEX idx_qc_photos_checklist ON quality.qc_photos(checklist_id, taken_at);
CREATE INDEX idx_qc_photos_defect ON quality.qc_photos(defect_id) WHERE defect_id IS NOT NULL;
