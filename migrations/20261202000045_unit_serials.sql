-- Each finished sink's serial number (issue #17), as its order says: the
-- unit's build number (the default, and what every order so far used), or
-- the number of a serial plate recorded per unit before the order ships.
ALTER TABLE orders.orders
    ADD COLUMN unit_serials VARCHAR(20) NOT NULL DEFAULT 'BUILD_NUMBER'
        CONSTRAINT order_unit_serials_known CHECK (unit_serials IN ('BUILD_NUMBER', 'SERIAL_PLATE'));

-- The plate's number, who recorded it and when (sink_builds is audited, so
-- every recording and correction is in the trail with its old value).
ALTER TABLE orders.sink_builds
    ADD COLUMN serial_plate VARCHAR(40)
        CONSTRAINT sink_build_plate_as_stamped CHECK (serial_plate ~ '^[A-Z0-9./-]+$'),
    ADD COLUMN serial_plate_recorded_at TIMESTAMPTZ,
    ADD COLUMN serial_plate_recorded_by UUID REFERENCES auth.users(id),
    ADD CONSTRAINT sink_build_plate_recorded_by_someone
        CHECK ((serial_plate IS NULL) = (serial_plate_recorded_at IS NULL));

-- One plate, one unit: a serial number identifies a single device.
CREATE UNIQUE INDEX sink_build_serial_plate_once ON orders.sink_builds (serial_plate)
    WHERE serial_plate IS NOT NULL;
