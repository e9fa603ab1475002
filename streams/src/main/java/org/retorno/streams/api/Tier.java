package org.retorno.streams.api;

/**
 * Who is asking. PUBLIC answers are safe to publish: small cells suppressed, no evidence text.
 * ANALYST answers (bearer token) carry exact figures, claims and evidence.
 */
enum Tier { PUBLIC, ANALYST }
