package org.retorno.streams.extract;

import java.util.List;
import java.util.Map;

/** "69 — 40 Hondurans, 22 Guatemalans and seven Salvadorans": one count split by nationality. */
public record Breakdown(NumberMention total, Map<String, Long> parts, List<NumberMention> partMentions) {}
