package org.retorno.schemas.serde;

import org.apache.avro.UnresolvedUnionException;

/**
 * Says why Avro failed without repeating the data. Some Avro messages quote the offending value
 * ("Not in union [...]: <value>"), and the value may be a person's name; serde errors end up in
 * logs, so only messages known to name fields or types are passed on.
 */
final class SafeReasons {
  private SafeReasons() {}

  static String of(Throwable e) {
    if (e instanceof UnresolvedUnionException) {
      return "a value matches no branch of its union";
    }
    if (e instanceof NullPointerException || e instanceof ClassCastException) {
      // Avro's messages here name the field path ("null value for (non-nullable) string at Evidence.sentence")
      // or the Java classes involved, never the value.
      return e.getClass().getSimpleName() + firstLine(e.getMessage());
    }
    return e.getClass().getSimpleName();
  }

  private static String firstLine(String message) {
    return message == null || message.isBlank() ? "" : ": " + message.lines().findFirst().orElse("");
  }
}
