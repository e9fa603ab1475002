package org.retorno.schemas.registry;

import java.util.Optional;

/**
 * The outcome of planning a registration.
 *
 * @param toAppend the record to write to {@code _schemas}; empty when the schema is already
 *     registered under the subject and nothing needs writing
 */
public record Registration(int id, int version, Optional<SchemaRecord> toAppend) {}
