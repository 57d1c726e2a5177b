//! The office's endpoints in the permission matrix: customers, orders,
//! sink configurations, BOMs and templates.

use super::*;

pub(super) fn endpoints() -> Vec<Endpoint> {
    use Action::*;
    use Resource::*;
    vec![
        endpoint(
            ListOrders {
                filter: OrderFilter::default(),
            },
            Rule::Needs(Orders, Read),
        ),
        endpoint(
            ListCustomers {
                search: String::new(),
                include_inactive: false,
                page: 0,
            },
            Rule::Needs(Customers, Read),
        ),
        endpoint(
            GetCustomer {
                customer_number: text(customers::ST_MARYS),
            },
            Rule::Needs(Customers, Read),
        ),
        endpoint(
            SaveCustomer {
                customer_number: None,
                company: CompanyDraft {
                    company_name: text("Matrix Clinic"),
                    ..CompanyDraft::default()
                },
            },
            Rule::Needs(Customers, Create),
        ),
        endpoint(
            SetCustomerActive {
                customer_number: text(CUSTOMER),
                active: true,
            },
            Rule::Needs(Customers, Update),
        ),
        endpoint(
            AddAddress {
                customer_number: text(CUSTOMER),
                address: address(),
            },
            Rule::Needs(Customers, Update),
        ),
        endpoint(
            AddContact {
                customer_number: text(CUSTOMER),
                contact: contact(),
            },
            Rule::Needs(Customers, Update),
        ),
        endpoint(
            SetDefaultAddress {
                customer_number: text(CUSTOMER),
                address_id: NOBODY,
                billing: true,
            },
            Rule::Needs(Customers, Update),
        ),
        endpoint(
            UpdateAddress {
                customer_number: text(CUSTOMER),
                address_id: NOBODY,
                address: address(),
            },
            Rule::Needs(Customers, Update),
        ),
        endpoint(
            UpdateContact {
                customer_number: text(CUSTOMER),
                contact_id: NOBODY,
                contact: contact(),
            },
            Rule::Needs(Customers, Update),
        ),
        endpoint(
            SetPrimaryContact {
                customer_number: text(CUSTOMER),
                contact_id: NOBODY,
            },
            Rule::Needs(Customers, Update),
        ),
        endpoint(
            GetOrder {
                order_number: text(NO_ORDER),
            },
            Rule::Needs(Orders, Read),
        ),
        endpoint(CustomerChoices {}, Rule::Needs(Orders, Create)),
        endpoint(
            CreateOrder {
                order: OrderDraft {
                    customer_number: text(customers::ST_MARYS),
                    ..OrderDraft::default()
                },
            },
            Rule::Needs(Orders, Create),
        ),
        endpoint(
            ShipChoices {
                customer_number: text(customers::ST_MARYS),
            },
            Rule::Needs(Orders, Read),
        ),
        endpoint(
            SaveOrderHeader {
                order_number: text(NO_ORDER),
                version: 1,
                header: HeaderDraft {
                    priority: text("RUSH"),
                    ..HeaderDraft::default()
                },
            },
            Rule::Needs(Orders, Update),
        ),
        endpoint(
            ChangeOrderStatus {
                order_number: text(NO_ORDER),
                to: text("SHIPPED"),
                reason: String::new(),
                version: 1,
                signing: Some(signing(Meaning::Approved)),
            },
            Rule::Needs(Orders, Read),
        ),
        endpoint(
            AddLineItem {
                order_number: text(NO_ORDER),
                line: LineItemDraft {
                    part_number: text(parts::SENSOR_MODULE),
                    quantity: text("1"),
                    unit_price: text("1"),
                    ..LineItemDraft::default()
                },
            },
            Rule::Needs(Orders, Update),
        ),
        endpoint(
            RemoveLineItem {
                order_number: text(NO_ORDER),
                line_number: 1,
            },
            Rule::Needs(Orders, Update),
        ),
        endpoint(no_sink!(GetSink {}), Rule::Needs(Configurations, Read)),
        endpoint(
            AddSink {
                order_number: text(NO_ORDER),
                family: text("ESR"),
            },
            Rule::Needs(Configurations, Create),
        ),
        endpoint(
            no_sink!(SaveSink {
                version: 0,
                choices: SinkChoices::default(),
            }),
            Rule::Needs(Configurations, Update),
        ),
        endpoint(
            no_sink!(ValidateSink {
                version: 0,
                choices: SinkChoices::default(),
            }),
            Rule::Needs(Configurations, Update),
        ),
        endpoint(
            no_sink!(ApproveSink {
                signing: signing(Meaning::Approved),
            }),
            Rule::Needs(Configurations, Approve),
        ),
        endpoint(
            no_sink!(DuplicateSink {}),
            Rule::Needs(Configurations, Create),
        ),
        endpoint(
            no_sink!(GetBom {
                version: None,
                compare_with: None,
            }),
            Rule::Needs(Boms, Read),
        ),
        endpoint(
            no_sink!(GenerateBom {
                reason: text("Matrix"),
            }),
            Rule::Needs(Boms, Create),
        ),
        endpoint(
            MoveBom {
                bom_id: NOBODY,
                to: BomStatus::Draft,
            },
            Rule::Needs(Boms, Update),
        ),
        endpoint(
            ApproveBom {
                bom_id: NOBODY,
                partial: false,
                signing: signing(Meaning::Approved),
            },
            Rule::Needs(Boms, Approve),
        ),
        endpoint(WithdrawBom { bom_id: NOBODY }, Rule::Needs(Boms, Approve)),
        endpoint(ListTemplates {}, Rule::Needs(BomTemplates, Read)),
        endpoint(GetTemplate { id: NOBODY }, Rule::Needs(BomTemplates, Read)),
        endpoint(
            DuplicateTemplate { id: NOBODY },
            Rule::Needs(BomTemplates, Create),
        ),
        endpoint(
            CreateTemplate {
                family: text("NONE"),
                name: text("Matrix"),
            },
            Rule::Needs(BomTemplates, Create),
        ),
        endpoint(
            SaveTemplate {
                id: NOBODY,
                header: TemplateHeader::default(),
                lines: vec![],
            },
            Rule::Needs(BomTemplates, Update),
        ),
        endpoint(
            no_sink!(PreviewTemplate {
                id: NOBODY,
                lines: vec![],
            }),
            Rule::Needs(BomTemplates, Read),
        ),
        endpoint(IssueBom { bom_id: NOBODY }, Rule::Needs(Boms, Update)),
    ]
}
