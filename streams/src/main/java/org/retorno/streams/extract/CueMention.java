package org.retorno.streams.extract;

import org.retorno.avro.Category;

/**
 * A phrase that names what happened ("were kidnapped", "devueltos", "bused ... home").
 * {@code relativeClause}: it sits in a relative clause ("who had been returned") or a temporal one
 * ("after being returned"), which describes
 * a group rather than reporting an event. {@code bareParticiple}: a participle with no auxiliary
 * before it ("asylum seekers returned to Tijuana ... said"), which may equally be descriptive.
 */
public record CueMention(int start, int end, Category category, boolean relativeClause,
    boolean bareParticiple) {}
