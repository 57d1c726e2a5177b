-- Documents attached to parts, orders, builds and QC items (issue #17):
-- each upload is a row of files.documents whose file is in S3; a new
-- upload of the same document (the same title on the same record) is its
-- next version, a new row naming the first version as its parent, so no
-- version is ever overwritten. Each one is linked to its record by a row
-- of files.document_relationships; every view and download (and every one
-- refused) is a row of files.file_access_log.

-- A version is a number. The rows so far (QC photos) are each their
-- document's first and only version.
ALTER TABLE files.documents ALTER COLUMN version DROP DEFAULT;
ALTER TABLE files.documents ALTER COLUMN version TYPE INTEGER USING 1;
ALTER TABLE files.documents ALTER COLUMN version SET DEFAULT 1;
ALTER TABLE files.documents ALTER COLUMN version SET NOT NULL;
ALTER TABLE files.documents
    ADD CONSTRAINT document_version_positive CHECK (version >= 1),
    ADD CONSTRAINT document_first_version_has_no_parent
        CHECK ((version = 1) = (parent_document_id IS NULL));

-- One row per version of a document: two uploads at once cannot both be
-- version 2.
CREATE UNIQUE INDEX document_version_once
    ON files.documents (coalesce(parent_document_id, id), version);

-- The records a document may belong to.
ALTER TABLE files.document_relationships
    ADD CONSTRAINT document_attached_to_known
        CHECK (entity_type IN ('PART', 'ORDER', 'BUILD', 'QC_ITEM'));

CREATE INDEX idx_document_relationships_document
    ON files.document_relationships (document_id);

-- The access log is a record of what happened: rows are added, never
-- changed.
CREATE FUNCTION files.file_access_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the file access log is append-only'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER file_access_log_append_only
    BEFORE UPDATE ON files.file_access_log
    FOR EACH ROW EXECUTE FUNCTION files.file_access_log_append_only();
