-- Numbers people quote on the phone: customers C-10001 onwards, orders
-- ORD-<year>-0001 onwards per year. One counter row per kind and scope; the
-- upsert takes the row's lock, so concurrent requests get distinct numbers
-- and a rolled-back request leaves a gap only if it committed nothing.
CREATE TABLE system.number_sequences (
    kind VARCHAR(20) NOT NULL,
    scope VARCHAR(20) NOT NULL DEFAULT '',
    current_value INTEGER NOT NULL DEFAULT 0 CHECK (current_value >= 0),
    PRIMARY KEY (kind, scope)
);

CREATE FUNCTION system.next_number(p_kind VARCHAR, p_scope VARCHAR) RETURNS INTEGER AS $$
    INSERT INTO system.number_sequences AS s (kind, scope, current_value)
    VALUES (p_kind, p_scope, 1)
    ON CONFLICT (kind, scope) DO UPDATE SET current_value = s.current_value + 1
    RETURNING current_value;
$$ LANGUAGE sql;

-- One default billing and one default shipping address, and one active
-- primary contact, per customer.
CREATE UNIQUE INDEX customer_addresses_one_default_billing
    ON public.customer_addresses(customer_id) WHERE is_default_billing;
CREATE UNIQUE INDEX customer_addresses_one_default_shipping
    ON public.customer_addresses(customer_id) WHERE is_default_shipping;
CREATE UNIQUE INDEX customer_contacts_one_primary
    ON public.customer_contacts(customer_id) WHERE is_primary AND is_active;

CREATE INDEX idx_customers_company_name_prefix
    ON public.customers (lower(company_name) text_pattern_ops);
