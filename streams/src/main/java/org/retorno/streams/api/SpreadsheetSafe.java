package org.retorno.streams.api;

import java.util.regex.Pattern;

/**
 * Keeps exported text from running as a spreadsheet formula (CSV injection): a value that starts
 * with '=', '+', '-', '@', a tab or a carriage return gets a leading apostrophe, which spreadsheets
 * read as "text". Plain numbers, negative longitudes included, are left as numbers.
 */
final class SpreadsheetSafe {
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private SpreadsheetSafe() {}

  static String escape(String value) {
    if (value == null || value.isEmpty() || NUMBER.matcher(value).matches()) {
      return value;
    }
    char first = value.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
      return "'" + value;
    }
    return value;
  }
}
