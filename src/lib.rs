//! TORVAN domain logic: the vocabulary of the shop (order lifecycle, stock
//! levels, roles and what they may do) as types with parsing at the edge. No I/O, no clock, no database:
//! this crate compiles for the server and for the browser alike.

pub mod custom_part;
mod db_enum;
pub mod make_or_buy;
pub mod order_priority;
pub mod order_status;
pub mod password;
pub mod permissions;
pub mod reorder;
pub mod role;
pub mod session;
pub mod stock;
pub mod stock_status;
pub mod user_status;

pub use custom_part::CustomCategory;
pub use db_enum::{DbEnum, UnknownVariant};
pub use make_or_buy::MakeOrBuy;
pub use order_priority::OrderPriority;
pub use order_status::OrderStatus;
pub use permissions::{Action, Resource, permits};
pub use role::Role;
pub use stock_status::StockStatus;
pub use user_status::UserStatus;
