//! The server's integration tests, linked into one binary so the workspace
//! builds and links the server once for all of them.

mod support;

mod audit_actor;
mod audit_chain;
mod audit_roles;
mod audit_viewer;
mod auth;
mod auth_hardening;
mod boms_approval;
mod boms_generation;
mod boms_templates;
mod customers;
mod database_outage;
mod fuzz;
mod http;
mod http_edge;
mod inventory_catalogue;
mod inventory_parts;
mod inventory_queries;
mod inventory_stock_moves;
mod inventory_transfer;
mod live;
mod orders_gates;
mod orders_header;
mod orders_lifecycle;
mod orders_lines;
mod orders_list;
mod orders_sinks;
mod paging;
mod permissions;
mod production_progress;
mod routes_editor;
mod schema_audit;
mod schema_columns;
mod schema_structure;
mod schema_views;
mod seed;
mod signatures;
mod stock;
mod storage;
mod tasks_board;
mod tasks_detail;
mod tasks_generation;
mod tasks_materials;
mod tasks_time;
