package org.retorno.streams.extract;

import org.retorno.schemas.geo.HearingLocation;

/**
 * A place named in the text. {@code end} includes a qualifier such as ", Texas". {@code hearing}
 * is set when a US place is named as the seat of an immigration court or port of entry: only then
 * may it stand for the Mexican city whose returnees it heard.
 */
public record PlaceMention(int start, int end, KnownPlace place, HearingLocation hearing) {}
