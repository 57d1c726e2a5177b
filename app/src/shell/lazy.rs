//! Pages whose code is cut out of the main WASM and loaded with their
//! route. The main WASM keeps the shell, the router, the dashboard and the
//! sign-in page: what a first visit needs.
//!
//! One split point per feature area (a `#[lazy]` function that draws any
//! page of the area), not one per page: the build's wasm-split step makes a
//! chunk per split point plus one for each set of split points sharing some
//! code, and with a split point per page that was some 450 chunks, up to 190
//! requests for one page. A first visit fetches the area's chunk (the server
//! preloads it); a navigation into another area fetches that area's.
//!
//! Each page keeps creating its own resources in its component: the server
//! sends their values with the page, so hydration reads no data twice.
//!
//! Each `LazyRoute` type is named after the page it draws, so the route table
//! reads `view={Lazy::<lazy::BomPage>::new()}`. A new page joins its area's
//! enum and function here.

use leptos::prelude::*;
use leptos_router::LazyRoute;

/// A `LazyRoute` that draws one page of an area through the area's split point.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $name:ident => $area:ident($page:expr), $preload:ident) => {
        $(#[$doc])*
        pub struct $name;

        impl LazyRoute for $name {
            fn data() -> Self {
                Self
            }

            async fn view(_this: Self) -> AnyView {
                $area($page).await
            }

            // What `#[lazy_route]` generates: the router awaits this before it
            // hydrates the page (and before it draws it after a navigation),
            // so `view` finds the area's chunk loaded and draws at once. Without
            // it `view` is still waiting for the chunk while hydration walks
            // the server's HTML, and hydration panics.
            async fn preload() {
                #[cfg(target_arch = "wasm32")]
                $preload().await;
            }
        }
    };
}

#[derive(Clone, Copy)]
enum CustomersView {
    Customers,
    NewCustomer,
    Customer,
}

#[lazy]
fn customers(page: CustomersView) -> AnyView {
    match page {
        CustomersView::Customers => view! { <crate::customers::CustomersPage/> }.into_any(),
        CustomersView::NewCustomer => view! { <crate::customers::NewCustomerPage/> }.into_any(),
        CustomersView::Customer => view! { <crate::customers::CustomerPage/> }.into_any(),
    }
}

lazy_page!(
    /// `/customers`
    CustomersPage => customers(CustomersView::Customers),
    __preload_customers
);

lazy_page!(
    /// `/customers/new`
    NewCustomerPage => customers(CustomersView::NewCustomer),
    __preload_customers
);

lazy_page!(
    /// `/customers/:number`
    CustomerPage => customers(CustomersView::Customer),
    __preload_customers
);

#[derive(Clone, Copy)]
enum OrdersView {
    Orders,
    NewOrder,
    Order,
    Sink,
    BuildRecord,
    UnitLabel,
}

#[lazy]
fn orders(page: OrdersView) -> AnyView {
    match page {
        OrdersView::Orders => view! { <crate::orders::OrdersPage/> }.into_any(),
        OrdersView::NewOrder => view! { <crate::orders::NewOrderPage/> }.into_any(),
        OrdersView::Order => view! { <crate::orders::OrderPage/> }.into_any(),
        OrdersView::Sink => view! { <crate::orders::SinkPage/> }.into_any(),
        OrdersView::BuildRecord => view! { <crate::builds::BuildRecordPage/> }.into_any(),
        OrdersView::UnitLabel => view! { <crate::builds::UnitLabelPage/> }.into_any(),
    }
}

lazy_page!(
    /// `/orders`
    OrdersPage => orders(OrdersView::Orders),
    __preload_orders
);

lazy_page!(
    /// `/orders/new`
    NewOrderPage => orders(OrdersView::NewOrder),
    __preload_orders
);

lazy_page!(
    /// `/orders/:number`
    OrderPage => orders(OrdersView::Order),
    __preload_orders
);

lazy_page!(
    /// `/orders/:number/sinks/:build`
    SinkPage => orders(OrdersView::Sink),
    __preload_orders
);

lazy_page!(
    /// `/builds/:build`
    BuildRecordPage => orders(OrdersView::BuildRecord),
    __preload_orders
);

lazy_page!(
    /// `/builds/:build/label`
    UnitLabelPage => orders(OrdersView::UnitLabel),
    __preload_orders
);

#[derive(Clone, Copy)]
enum BomsView {
    Bom,
    BomPrint,
}

#[lazy]
fn boms(page: BomsView) -> AnyView {
    match page {
        BomsView::Bom => view! { <crate::boms::BomPage/> }.into_any(),
        BomsView::BomPrint => view! { <crate::boms::BomPrintPage/> }.into_any(),
    }
}

lazy_page!(
    /// `/orders/:number/sinks/:build/bom`
    BomPage => boms(BomsView::Bom),
    __preload_boms
);

lazy_page!(
    /// `/orders/:number/sinks/:build/bom/print`
    BomPrintPage => boms(BomsView::BomPrint),
    __preload_boms
);

#[derive(Clone, Copy)]
enum InventoryView {
    Inventory,
    Catalogue,
    Reorder,
    Transfer,
    Group,
    NewPart,
    NewCustomPart,
    Part,
    EditPart,
    Lot,
    PartLabel,
    LotLabel,
}

#[lazy]
fn inventory(page: InventoryView) -> AnyView {
    match page {
        InventoryView::Inventory => view! { <crate::inventory::InventoryPage/> }.into_any(),
        InventoryView::Catalogue => view! { <crate::inventory::CataloguePage/> }.into_any(),
        InventoryView::Reorder => view! { <crate::inventory::ReorderPage/> }.into_any(),
        InventoryView::Transfer => view! { <crate::inventory::TransferPage/> }.into_any(),
        InventoryView::Group => view! { <crate::inventory::GroupPage/> }.into_any(),
        InventoryView::NewPart => view! { <crate::inventory::NewPartPage/> }.into_any(),
        InventoryView::NewCustomPart => view! { <crate::inventory::NewCustomPartPage/> }.into_any(),
        InventoryView::Part => view! { <crate::inventory::PartPage/> }.into_any(),
        InventoryView::EditPart => view! { <crate::inventory::EditPartPage/> }.into_any(),
        InventoryView::Lot => view! { <crate::inventory::LotPage/> }.into_any(),
        InventoryView::PartLabel => view! { <crate::scan::PartLabelPage/> }.into_any(),
        InventoryView::LotLabel => view! { <crate::scan::LotLabelPage/> }.into_any(),
    }
}

lazy_page!(
    /// `/inventory`
    InventoryPage => inventory(InventoryView::Inventory),
    __preload_inventory
);

lazy_page!(
    /// `/inventory/catalogue`
    CataloguePage => inventory(InventoryView::Catalogue),
    __preload_inventory
);

lazy_page!(
    /// `/inventory/reorder`
    ReorderPage => inventory(InventoryView::Reorder),
    __preload_inventory
);

lazy_page!(
    /// `/inventory/transfer`
    TransferPage => inventory(InventoryView::Transfer),
    __preload_inventory
);

lazy_page!(
    /// `/inventory/catalogue/:level/:id`
    GroupPage => inventory(InventoryView::Group),
    __preload_inventory
);

lazy_page!(
    /// `/inventory/parts/new`
    NewPartPage => inventory(InventoryView::NewPart),
    __preload_inventory
);

lazy_page!(
    /// `/inventory/parts/new-custom`
    NewCustomPartPage => inventory(InventoryView::NewCustomPart),
    __preload_inventory
);

lazy_page!(
    /// `/inventory/parts/:number`
    PartPage => inventory(InventoryView::Part),
    __preload_inventory
);

lazy_page!(
    /// `/inventory/parts/:number/edit`
    EditPartPage => inventory(InventoryView::EditPart),
    __preload_inventory
);

lazy_page!(
    /// `/inventory/lots/:id`
    LotPage => inventory(InventoryView::Lot),
    __preload_inventory
);

lazy_page!(
    /// `/inventory/parts/:number/label`
    PartLabelPage => inventory(InventoryView::PartLabel),
    __preload_inventory
);

lazy_page!(
    /// `/inventory/lots/:id/label`
    LotLabelPage => inventory(InventoryView::LotLabel),
    __preload_inventory
);

#[derive(Clone, Copy)]
enum TemplatesView {
    Templates,
    Template,
}

#[lazy]
fn bom_templates(page: TemplatesView) -> AnyView {
    match page {
        TemplatesView::Templates => view! { <crate::bom_templates::TemplatesPage/> }.into_any(),
        TemplatesView::Template => view! { <crate::bom_templates::TemplatePage/> }.into_any(),
    }
}

lazy_page!(
    /// `/admin/bom-templates`
    TemplatesPage => bom_templates(TemplatesView::Templates),
    __preload_bom_templates
);

lazy_page!(
    /// `/admin/bom-templates/:id`
    TemplatePage => bom_templates(TemplatesView::Template),
    __preload_bom_templates
);

#[derive(Clone, Copy)]
enum RoutesView {
    Routes,
    Route,
}

#[lazy]
fn work_routes(page: RoutesView) -> AnyView {
    match page {
        RoutesView::Routes => view! { <crate::work_routes::RoutesPage/> }.into_any(),
        RoutesView::Route => view! { <crate::work_routes::RoutePage/> }.into_any(),
    }
}

lazy_page!(
    /// `/admin/routes`
    RoutesPage => work_routes(RoutesView::Routes),
    __preload_work_routes
);

lazy_page!(
    /// `/admin/routes/:family`
    RoutePage => work_routes(RoutesView::Route),
    __preload_work_routes
);

#[derive(Clone, Copy)]
enum QcTemplatesView {
    QcTemplates,
    QcTemplate,
}

#[lazy]
fn qc_templates(page: QcTemplatesView) -> AnyView {
    match page {
        QcTemplatesView::QcTemplates => {
            view! { <crate::qc_templates::QcTemplatesPage/> }.into_any()
        }
        QcTemplatesView::QcTemplate => view! { <crate::qc_templates::QcTemplatePage/> }.into_any(),
    }
}

lazy_page!(
    /// `/admin/qc-templates`
    QcTemplatesPage => qc_templates(QcTemplatesView::QcTemplates),
    __preload_qc_templates
);

lazy_page!(
    /// `/admin/qc-templates/:family/:phase`
    QcTemplatePage => qc_templates(QcTemplatesView::QcTemplate),
    __preload_qc_templates
);

#[derive(Clone, Copy)]
enum AccountView {
    Password,
    Users,
    Audit,
}

#[lazy]
fn account(page: AccountView) -> AnyView {
    match page {
        AccountView::Password => view! { <crate::auth::PasswordPage/> }.into_any(),
        AccountView::Users => view! { <crate::admin::UsersPage/> }.into_any(),
        AccountView::Audit => view! { <crate::audit::AuditPage/> }.into_any(),
    }
}

lazy_page!(
    /// `/account/password`
    PasswordPage => account(AccountView::Password),
    __preload_account
);

lazy_page!(
    /// `/admin/users`
    UsersPage => account(AccountView::Users),
    __preload_account
);

lazy_page!(
    /// `/admin/audit`
    AuditPage => account(AccountView::Audit),
    __preload_account
);

#[derive(Clone, Copy)]
enum ShopFloorView {
    Task,
    Boards,
    WorkCenterBoard,
    OrderBoard,
    MyBoard,
    Checklists,
    Checklist,
}

#[lazy]
fn shop_floor(page: ShopFloorView) -> AnyView {
    match page {
        ShopFloorView::Task => view! { <crate::tasks::TaskPage/> }.into_any(),
        ShopFloorView::Boards => view! { <crate::tasks::board::BoardsPage/> }.into_any(),
        ShopFloorView::WorkCenterBoard => {
            view! { <crate::tasks::board::WorkCenterBoardPage/> }.into_any()
        }
        ShopFloorView::OrderBoard => view! { <crate::tasks::board::OrderBoardPage/> }.into_any(),
        ShopFloorView::MyBoard => view! { <crate::tasks::board::MyBoardPage/> }.into_any(),
        ShopFloorView::Checklists => view! { <crate::quality::ChecklistsPage/> }.into_any(),
        ShopFloorView::Checklist => view! { <crate::quality::ChecklistPage/> }.into_any(),
    }
}

lazy_page!(
    /// `/tasks/:number`
    TaskPage => shop_floor(ShopFloorView::Task),
    __preload_shop_floor
);

lazy_page!(
    /// `/boards`
    BoardsPage => shop_floor(ShopFloorView::Boards),
    __preload_shop_floor
);

lazy_page!(
    /// `/boards/:work_center`
    WorkCenterBoardPage => shop_floor(ShopFloorView::WorkCenterBoard),
    __preload_shop_floor
);

lazy_page!(
    /// `/boards/orders/:order`
    OrderBoardPage => shop_floor(ShopFloorView::OrderBoard),
    __preload_shop_floor
);

lazy_page!(
    /// `/boards/mine`
    MyBoardPage => shop_floor(ShopFloorView::MyBoard),
    __preload_shop_floor
);

lazy_page!(
    /// `/qc`
    ChecklistsPage => shop_floor(ShopFloorView::Checklists),
    __preload_shop_floor
);

lazy_page!(
    /// `/qc/:build/:phase`
    ChecklistPage => shop_floor(ShopFloorView::Checklist),
    __preload_shop_floor
);
