//! Pages whose code is cut out of the main WASM and loaded with their
//! route (`#[lazy_route]`; the build's wasm-split step makes a chunk per
//! page, and chunks for the code pages share). The main WASM keeps the shell,
//! the router, the dashboard and the sign-in page: what a first visit needs.
//! On a first visit the server preloads the chunks of the page it rendered;
//! a navigation fetches them before drawing the page.
//!
//! Each page keeps creating its own resources in its component: the server
//! sends their values with the page, so hydration reads no data twice. After
//! a client-side navigation the chunk and then the data load one after the
//! other.
//!
//! Each type is named after the page it loads, so the route table reads
//! `view={Lazy::<lazy::BomPage>::new()}`. A new page is added here the same
//! way (`lazy_page!` cannot be a macro: `#[lazy_route]` names its split
//! point after the source position, so one macro would give every page the
//! same chunk name).

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// `/customers`
pub struct CustomersPage;

#[lazy_route]
impl LazyRoute for CustomersPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::customers::CustomersPage/> }.into_any()
    }
}

/// `/customers/new`
pub struct NewCustomerPage;

#[lazy_route]
impl LazyRoute for NewCustomerPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::customers::NewCustomerPage/> }.into_any()
    }
}

/// `/customers/:number`
pub struct CustomerPage;

#[lazy_route]
impl LazyRoute for CustomerPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::customers::CustomerPage/> }.into_any()
    }
}

/// `/orders`
pub struct OrdersPage;

#[lazy_route]
impl LazyRoute for OrdersPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::orders::OrdersPage/> }.into_any()
    }
}

/// `/orders/new`
pub struct NewOrderPage;

#[lazy_route]
impl LazyRoute for NewOrderPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::orders::NewOrderPage/> }.into_any()
    }
}

/// `/orders/:number`
pub struct OrderPage;

#[lazy_route]
impl LazyRoute for OrderPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::orders::OrderPage/> }.into_any()
    }
}

/// `/orders/:number/sinks/:build`
pub struct SinkPage;

#[lazy_route]
impl LazyRoute for SinkPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::orders::SinkPage/> }.into_any()
    }
}

/// `/orders/:number/sinks/:build/bom`
pub struct BomPage;

#[lazy_route]
impl LazyRoute for BomPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::boms::BomPage/> }.into_any()
    }
}

/// `/orders/:number/sinks/:build/bom/print`
pub struct BomPrintPage;

#[lazy_route]
impl LazyRoute for BomPrintPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::boms::BomPrintPage/> }.into_any()
    }
}

/// `/inventory`
pub struct InventoryPage;

#[lazy_route]
impl LazyRoute for InventoryPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::inventory::InventoryPage/> }.into_any()
    }
}

/// `/inventory/catalogue`
pub struct CataloguePage;

#[lazy_route]
impl LazyRoute for CataloguePage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::inventory::CataloguePage/> }.into_any()
    }
}

/// `/inventory/reorder`
pub struct ReorderPage;

#[lazy_route]
impl LazyRoute for ReorderPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::inventory::ReorderPage/> }.into_any()
    }
}

/// `/inventory/transfer`
pub struct TransferPage;

#[lazy_route]
impl LazyRoute for TransferPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::inventory::TransferPage/> }.into_any()
    }
}

/// `/inventory/catalogue/:level/:id`
pub struct GroupPage;

#[lazy_route]
impl LazyRoute for GroupPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::inventory::GroupPage/> }.into_any()
    }
}

/// `/inventory/parts/new`
pub struct NewPartPage;

#[lazy_route]
impl LazyRoute for NewPartPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::inventory::NewPartPage/> }.into_any()
    }
}

/// `/inventory/parts/new-custom`
pub struct NewCustomPartPage;

#[lazy_route]
impl LazyRoute for NewCustomPartPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::inventory::NewCustomPartPage/> }.into_any()
    }
}

/// `/inventory/parts/:number`
pub struct PartPage;

#[lazy_route]
impl LazyRoute for PartPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::inventory::PartPage/> }.into_any()
    }
}

/// `/inventory/parts/:number/edit`
pub struct EditPartPage;

#[lazy_route]
impl LazyRoute for EditPartPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::inventory::EditPartPage/> }.into_any()
    }
}

/// `/admin/bom-templates`
pub struct TemplatesPage;

#[lazy_route]
impl LazyRoute for TemplatesPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::bom_templates::TemplatesPage/> }.into_any()
    }
}

/// `/admin/bom-templates/:id`
pub struct TemplatePage;

#[lazy_route]
impl LazyRoute for TemplatePage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::bom_templates::TemplatePage/> }.into_any()
    }
}

/// `/account/password`
pub struct PasswordPage;

#[lazy_route]
impl LazyRoute for PasswordPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::auth::PasswordPage/> }.into_any()
    }
}

/// `/admin/users`
pub struct UsersPage;

#[lazy_route]
impl LazyRoute for UsersPage {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        view! { <crate::admin::UsersPage/> }.into_any()
    }
}
