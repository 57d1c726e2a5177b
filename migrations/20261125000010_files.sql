-- Design section 8.1: documents, relationships, access log.

CREATE TABLE files.documents (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),

    -- File identification
    filename VARCHAR(255) NOT NULL,
    original_filename VARCHAR(255) NOT NULL,
    file_extension VARCHAR(10),
    mime_type VARCHAR(100),

    -- File properties
    file_size_bytes BIGINT NOT NULL,
    checksum_md5 VARCHAR(32),
    checksum_sha256 VARCHAR(64),

    -- Storage information
    storage_provider VARCHAR(50) DEFAULT 'AWS_S3',
    bucket_name VARCHAR(100),
    object_key VARCHAR(500) NOT NULL,
    storage_class VARCHAR(50),

    -- URLs
    public_url VARCHAR(500),
    secure_url VARCHAR(500),
    thumbnail_url VARCHAR(500),

    -- Document metadata
    document_type document_type NOT NULL,
    title VARCHAR(255),
    description TEXT,
    version VARCHAR(20) DEFAULT '1.0',

    -- Content information
    page_count INTEGER,
    duration_seconds INTEGER, -- For video files
    dimensions JSONB, -- {width, height} for images

    -- Access control
    is_public BOOLEAN DEFAULT FALSE,
    requires_authentication BOOLEAN DEFAULT TRUE,
    allowed_roles user_role[],

    -- Status and lifecycle
    status file_status DEFAULT 'UPLOADING',
    archived_at TIMESTAMPTZ,
    expires_at TIMESTAMPTZ,

    -- Relationships
    uploaded_by UUID NOT NULL REFERENCES auth.users(id),
    parent_document_id UUID REFERENCES files.documents(id),

    -- Metadata
    tags TEXT[],
    custom_metadata JSONB,

    -- Audit
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE files.document_relationships (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    document_id UUID NOT NULL REFERENCES files.documents(id) ON DELETE CASCADE,

    -- Related entity
    entity_type VARCHAR(100) NOT NULL, -- 'order', 'part', 'user', etc.
    entity_id UUID NOT NULL,

    -- Relationship details
    relationship_type VARCHAR(50), -- 'ATTACHMENT', 'SPECIFICATION', 'PHOTO', etc.
    is_primary BOOLEAN DEFAULT FALSE,
    sort_order INTEGER DEFAULT 0,

    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,

    UNIQUE(document_id, entity_type, entity_id, relationship_type)
);

CREATE TABLE files.file_access_log (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    document_id UUID NOT NULL REFERENCES files.documents(id),

    -- Access details
    accessed_by UUID REFERENCES auth.users(id),
    access_type VARCHAR(20) CHECK (access_type IN ('VIEW', 'DOWNLOAD', 'PREVIEW')),

    -- Context
    ip_address INET,
    user_agent TEXT,
    referer VARCHAR(500),

    -- Results
    success BOOLEAN DEFAULT TRUE,
    error_message TEXT,
    bytes_served BIGINT,

    accessed_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);
