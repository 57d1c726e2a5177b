-- TORVAN schemas and enum types (design sections 1.2, 2-8).
-- The design creates auth, inventory, orders, quality, audit and files only;
-- products, workflow and system are used by its tables but never created.

CREATE SCHEMA IF NOT EXISTS auth;       -- Authentication and authorization
CREATE SCHEMA IF NOT EXISTS inventory;  -- Inventory and parts management
CREATE SCHEMA IF NOT EXISTS orders;     -- Order management, BOMs
CREATE SCHEMA IF NOT EXISTS products;   -- Sink families and BOM templates
CREATE SCHEMA IF NOT EXISTS quality;    -- Quality control processes
CREATE SCHEMA IF NOT EXISTS workflow;   -- Tasks and shop-floor work
CREATE SCHEMA IF NOT EXISTS audit;      -- Audit logging and compliance
CREATE SCHEMA IF NOT EXISTS files;      -- File and document management
CREATE SCHEMA IF NOT EXISTS system;     -- Retention policies, backups, health checks

-- Enum types live in public, as in the design.

-- 2.1 users
CREATE TYPE user_role AS ENUM (
    'PRODUCTION_COORDINATOR',
    'ADMIN',
    'PROCUREMENT',
    'QC_PERSON',
    'ASSEMBLER',
    'SERVICE_DEPARTMENT'
);
CREATE TYPE user_status AS ENUM ('ACTIVE', 'INACTIVE', 'SUSPENDED');

-- 2.2 customers
CREATE TYPE customer_type AS ENUM ('HEALTHCARE', 'LABORATORY', 'VETERINARY', 'RESEARCH', 'OTHER');
CREATE TYPE address_type AS ENUM ('BILLING', 'SHIPPING', 'BOTH');

-- 2.3 inventory
CREATE TYPE part_status AS ENUM ('ACTIVE', 'DISCONTINUED', 'PENDING_APPROVAL', 'OBSOLETE');
CREATE TYPE unit_of_measure AS ENUM ('EACH', 'PAIR', 'SET', 'FEET', 'INCHES', 'POUNDS', 'OUNCES');

-- 3.1 orders
CREATE TYPE order_status AS ENUM (
    'PENDING',
    'IN_PRODUCTION',
    'PRE_QC',
    'PRODUCTION_COMPLETE',
    'FINAL_QC',
    'QC_COMPLETE',
    'SHIPPED',
    'DELIVERED'
);
CREATE TYPE order_priority AS ENUM ('STANDARD', 'RUSH', 'EMERGENCY');
CREATE TYPE order_type AS ENUM ('PRODUCTION', 'SERVICE', 'WARRANTY', 'SAMPLE');

-- 5.1 quality
CREATE TYPE qc_phase AS ENUM ('PRE_QC', 'FINAL_QC');
CREATE TYPE qc_status AS ENUM ('PENDING', 'IN_PROGRESS', 'PASSED', 'FAILED', 'WAIVED');
CREATE TYPE qc_item_type AS ENUM ('VISUAL_INSPECTION', 'MEASUREMENT', 'FUNCTIONAL_TEST', 'DOCUMENTATION');

-- 6.1 workflow
CREATE TYPE task_status AS ENUM ('PENDING', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'ON_HOLD');
CREATE TYPE task_priority AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'URGENT');
CREATE TYPE task_type AS ENUM ('ASSEMBLY', 'INSPECTION', 'PACKAGING', 'SHIPPING', 'DOCUMENTATION', 'QC');

-- 7.1 audit
CREATE TYPE audit_action AS ENUM (
    'CREATE', 'UPDATE', 'DELETE', 'LOGIN', 'LOGOUT',
    'STATUS_CHANGE', 'APPROVE', 'REJECT', 'EXPORT', 'IMPORT'
);

-- 8.1 files
CREATE TYPE document_type AS ENUM (
    'ORDER_DOCUMENT', 'QC_PHOTO', 'WORK_INSTRUCTION', 'DRAWING',
    'SPECIFICATION', 'CERTIFICATE', 'MANUAL', 'OTHER'
);
CREATE TYPE file_status AS ENUM ('UPLOADING', 'ACTIVE', 'ARCHIVED', 'DELETED');
