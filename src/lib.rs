//! TORVAN domain logic: the vocabulary of the shop (order lifecycle, stock
//! levels, roles and what they may do) as types with parsing at the edge. No I/O, no clock, no database:
//! this crate compiles for the server and for the browser alike.

pub mod account;
pub mod bom;
pub mod catalogue_group;
pub mod catalogue_level;
pub mod csv;
pub mod custom_part;
pub mod customer;
pub mod date_range;
mod db_enum;
pub mod email;
mod field_error;
pub mod make_or_buy;
pub mod number;
pub mod order_draft;
pub mod order_lifecycle;
pub mod order_line;
pub mod order_number;
pub mod order_priority;
pub mod order_status;
pub mod part_number;
pub mod part_spec;
pub mod part_status;
pub mod password;
pub mod permissions;
pub mod plural;
pub mod reorder;
pub mod role;
pub mod rule_language;
pub mod session;
pub mod sink;
pub mod stock;
pub mod stock_entry;
pub mod stock_status;
pub mod substitute_type;
pub mod text;
pub mod throttle;
pub mod unit_of_measure;
pub mod user_status;

pub use catalogue_level::CatalogueLevel;
pub use custom_part::CustomCategory;
pub use db_enum::{DbEnum, UnknownVariant};
pub use field_error::FieldError;
pub use make_or_buy::MakeOrBuy;
pub use order_number::{BuildNumber, OrderNumber};
pub use order_priority::OrderPriority;
pub use order_status::OrderStatus;
pub use part_number::PartNumber;
pub use part_status::PartStatus;
pub use permissions::{Action, Resource, permits};
pub use role::Role;
pub use stock_status::StockStatus;
pub use substitute_type::SubstituteType;
pub use unit_of_measure::UnitOfMeasure;
pub use user_status::UserStatus;
