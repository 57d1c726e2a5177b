-- An order ships to one of its customer's addresses and has one contact at
-- the customer (the design has neither). Both are optional, and both must
-- belong to the order's own customer: each table gains UNIQUE (customer_id,
-- id) so the order can reference the pair, and a NULL choice skips the check
-- (MATCH SIMPLE).
ALTER TABLE public.customer_addresses
    ADD CONSTRAINT customer_addresses_customer_id_id_key UNIQUE (customer_id, id);
ALTER TABLE public.customer_contacts
    ADD CONSTRAINT customer_contacts_customer_id_id_key UNIQUE (customer_id, id);

ALTER TABLE orders.orders
    ADD COLUMN ship_to_address_id UUID,
    ADD COLUMN contact_id UUID,
    ADD CONSTRAINT orders_ship_to_is_the_customers FOREIGN KEY (customer_id, ship_to_address_id)
        REFERENCES public.customer_addresses (customer_id, id),
    ADD CONSTRAINT orders_contact_is_the_customers FOREIGN KEY (customer_id, contact_id)
        REFERENCES public.customer_contacts (customer_id, id);

-- What an order ships to and whom it names when nobody chose: the customer's
-- default shipping address (else the first address goods can go to) and
-- primary active contact. Order creation, the demo data and the backfill
-- below all use these.
CREATE FUNCTION orders.default_ship_to(p_customer_id UUID) RETURNS UUID
LANGUAGE sql STABLE AS $$
    SELECT a.id FROM public.customer_addresses a
    WHERE a.customer_id = p_customer_id AND a.address_type IN ('SHIPPING', 'BOTH')
    ORDER BY coalesce(a.is_default_shipping, false) DESC, a.created_at, a.id LIMIT 1
$$;

CREATE FUNCTION orders.default_contact(p_customer_id UUID) RETURNS UUID
LANGUAGE sql STABLE AS $$
    SELECT c.id FROM public.customer_contacts c
    WHERE c.customer_id = p_customer_id AND coalesce(c.is_active, true)
    ORDER BY coalesce(c.is_primary, false) DESC, c.created_at, c.id LIMIT 1
$$;

UPDATE orders.orders SET
    ship_to_address_id = coalesce(ship_to_address_id, orders.default_ship_to(customer_id)),
    contact_id = coalesce(contact_id, orders.default_contact(customer_id))
WHERE ship_to_address_id IS NULL OR contact_id IS NULL;
