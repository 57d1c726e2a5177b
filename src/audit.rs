//! The audit trail as people search it: what was done (`AuditAction`, the
//! database's `audit_action`), to which table (`AuditedTable`, the tables
//! the audit triggers watch, by the name they record in `resource_type`),
//! and to which record (`RecordKey`: its id, or the number people know it
//! by). A record number is checked here, so the viewer never asks the
//! database about text that cannot name a record.

use crate::{BuildNumber, FieldError, OrderNumber, PartNumber};

crate::db_enum::db_enum! {
    /// What an audit entry records; the database's `audit_action`.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum AuditAction: "audit action" {
        Create = "CREATE" as "Created",
        Update = "UPDATE" as "Changed",
        Delete = "DELETE" as "Deleted",
        Login = "LOGIN" as "Signed in",
        Logout = "LOGOUT" as "Signed out",
        StatusChange = "STATUS_CHANGE" as "Status changed",
        Approve = "APPROVE" as "Approved",
        Reject = "REJECT" as "Rejected",
        Export = "EXPORT" as "Exported",
        Import = "IMPORT" as "Imported",
    }
}

crate::db_enum::db_enum! {
    /// A table the audit triggers watch, by the name they record (the table
    /// name without its schema), and the audit trail itself, whose exports
    /// are recorded against it.
    pub enum AuditedTable: "audited table" {
        Orders = "orders" as "Orders",
        OrderSinkConfigurations = "order_sink_configurations" as "Builds (sink configurations)",
        SinkBuilds = "sink_builds" as "Sink units",
        BuildRecordRevisions = "build_record_revisions" as "Production record revisions",
        OrderLineItems = "order_line_items" as "Order lines",
        OrderStatusHistory = "order_status_history" as "Order status history",
        Boms = "boms" as "BOMs",
        BomItems = "bom_items" as "BOM lines",
        Parts = "parts" as "Parts",
        PartSubstitutes = "part_substitutes" as "Part substitutes",
        StockLots = "stock_lots" as "Stock lots",
        PartSerials = "part_serials" as "Part serial numbers",
        Vendors = "vendors" as "Vendors",
        Categories = "categories" as "Catalogue categories",
        Assemblies = "assemblies" as "Catalogue assemblies",
        SubAssemblies = "sub_assemblies" as "Catalogue sub-assemblies",
        Customers = "customers" as "Customers",
        CustomerAddresses = "customer_addresses" as "Customer addresses",
        CustomerContacts = "customer_contacts" as "Customer contacts",
        SinkFamilies = "sink_families" as "Sink families",
        SinkFamilyOptions = "sink_family_options" as "Sink family options",
        BomTemplates = "bom_templates" as "BOM templates",
        BomTemplateItems = "bom_template_items" as "BOM template lines",
        QcChecklists = "qc_checklists" as "QC checklists",
        QcChecklistItems = "qc_checklist_items" as "QC checklist items",
        QcPhotos = "qc_photos" as "QC photos",
        QcDefects = "qc_defects" as "QC defects",
        Tasks = "tasks" as "Tasks",
        TaskDependencies = "task_dependencies" as "Task dependencies",
        TaskTimeEntries = "task_time_entries" as "Task time entries",
        TaskMaterials = "task_materials" as "Task materials",
        WorkCenters = "work_centers" as "Work centers",
        Routes = "routes" as "Routes",
        RouteSteps = "route_steps" as "Route steps",
        RouteStepPredecessors = "route_step_predecessors" as "Route step predecessors",
        Documents = "documents" as "Documents",
        DocumentRelationships = "document_relationships" as "Document links",
        Users = "users" as "User accounts",
        Permissions = "permissions" as "Permissions",
        RolePermissions = "role_permissions" as "Role permissions",
        AuditLog = "audit_log" as "Audit trail",
        UserSessions = "user_sessions" as "Sessions (sign-in and sign-out)",
        Signatures = "signatures" as "Electronic signatures",
        SignaturePolicy = "signature_policy" as "Signature policy",
        RetentionRuns = "retention_runs" as "Retention runs",
    }
}

impl AuditedTable {
    /// The number people know a record of this table by, if it has one: a
    /// BOM is found by its build's number (every version of it).
    pub fn natural_key(self) -> Option<&'static str> {
        match self {
            Self::Orders => Some("order number"),
            Self::OrderSinkConfigurations | Self::Boms => Some("build number"),
            Self::Parts => Some("part number"),
            Self::Customers => Some("customer number"),
            Self::Tasks => Some("task number"),
            _ => None,
        }
    }
}

/// Which record the viewer is asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordKey {
    /// The record's id, as the audit trail stores it (lower case): found even
    /// when the record has since been deleted.
    Id(String),
    /// The number people read on the record's page, upper case, to be
    /// looked up in `table`.
    Number { table: AuditedTable, number: String },
}

impl RecordKey {
    /// Reads the record field (`record`) of the viewer's filter: empty is
    /// no record, an id stands alone, a number needs the table it belongs to.
    pub fn parse(table: Option<AuditedTable>, text: &str) -> Result<Option<Self>, FieldError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        if is_uuid(text) {
            return Ok(Some(Self::Id(text.to_ascii_lowercase())));
        }
        let refused = |message: String| Err(FieldError::new("record", message));
        let Some(table) = table else {
            return refused(format!(
                "Choose the table “{text}” belongs to, or give the record's id."
            ));
        };
        let Some(key) = table.natural_key() else {
            return refused(format!(
                "{} are found by their id only (like 0b7c…-…): “{text}” is not one.",
                table.label()
            ));
        };
        let valid = match table {
            AuditedTable::Orders => OrderNumber::parse(text).is_ok(),
            AuditedTable::OrderSinkConfigurations | AuditedTable::Boms => {
                BuildNumber::parse(text).is_ok()
            }
            AuditedTable::Parts => PartNumber::parse(text).is_ok(),
            _ => text.len() <= 50,
        };
        if !valid {
            return refused(format!("“{text}” is not a {key}."));
        }
        Ok(Some(Self::Number {
            table,
            number: text.to_uppercase(),
        }))
    }
}

/// Whether `text` is a uuid in its usual hyphenated form.
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|group| group.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|group| group.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;

    const ID: &str = "0B7C2A4E-1F3D-4C5B-9A8E-7D6C5B4A3F21";

    #[test]
    fn an_id_is_a_record_of_any_table_and_read_in_lower_case() {
        assert_eq!(
            RecordKey::parse(None, ID),
            Ok(Some(RecordKey::Id(ID.to_ascii_lowercase())))
        );
        assert_eq!(
            RecordKey::parse(Some(AuditedTable::BomItems), &format!(" {ID} ")),
            Ok(Some(RecordKey::Id(ID.to_ascii_lowercase())))
        );
    }

    #[test]
    fn a_number_is_looked_up_in_its_table_in_upper_case() {
        assert_eq!(
            RecordKey::parse(Some(AuditedTable::Orders), "ord-2026-0102"),
            Ok(Some(RecordKey::Number {
                table: AuditedTable::Orders,
                number: "ORD-2026-0102".to_owned()
            }))
        );
    }

    #[test]
    fn a_number_without_a_table_is_refused_at_the_record_field() {
        let error = RecordKey::parse(None, "ORD-2026-0102").unwrap_err();
        assert_eq!(error.field, "record");
        assert!(error.message.contains("Choose the table"), "{error:?}");
    }

    #[test]
    fn a_table_without_numbers_asks_for_an_id() {
        let error = RecordKey::parse(Some(AuditedTable::BomItems), "12").unwrap_err();
        assert!(error.message.starts_with("BOM lines are found by their id"));
    }

    #[test]
    fn text_that_is_no_number_of_the_table_is_refused() {
        let error = RecordKey::parse(Some(AuditedTable::Parts), "a part?").unwrap_err();
        assert_eq!(error.message, "“a part?” is not a part number.");
    }

    #[test]
    fn an_empty_record_is_no_filter() {
        assert_eq!(RecordKey::parse(Some(AuditedTable::Orders), "  "), Ok(None));
    }

    #[test]
    fn table_names_are_unique() {
        let mut names: Vec<_> = AuditedTable::ALL.iter().map(|t| t.as_db_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), AuditedTable::ALL.len());
    }
}
