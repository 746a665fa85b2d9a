-- Movements of permit holders across the border, as KAZ:BORDER reports them (BorderCrossingEvent), one row per
-- crossing and permit: a crossing reported again (same EventId) is recorded once. Runs on H2 2.x and PostgreSQL.
CREATE TABLE permit_movement (
    permit_number    VARCHAR(20)   NOT NULL,
    event_id         VARCHAR(64)   NOT NULL,
    direction        VARCHAR(8)    NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    crossing_point   VARCHAR(20)   NOT NULL,
    crossing_region  VARCHAR(8),
    message_id       VARCHAR(36)   NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT permit_movement_pk PRIMARY KEY (permit_number, event_id),
    CONSTRAINT permit_movement_direction CHECK (direction IN ('ENTRY', 'EXIT')),
    CONSTRAINT permit_movement_permit FOREIGN KEY (permit_number) REFERENCES permit (permit_number)
);
CREATE INDEX permit_movement_time ON permit_movement (permit_number, occurred_at);
-- Correlation of border and workplace reports by travel document (number AND issuing state).
CREATE INDEX permit_travel_document_state ON permit (travel_document_number, travel_document_state);
