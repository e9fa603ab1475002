package org.retorno.streams.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Common given names and surnames, as data in {@code /extract/names/}. Without a named-entity
 * model a lone name ("Mejía's family", "Jorge said") has no other cue; the lists catch the
 * commonest ones. Over-scrubbing a word costs a word of evidence; a name left in costs more.
 */
final class NameLexicon {
  private static final Set<String> NAMES = new HashSet<>();

  static {
    load("/extract/names/given-names.txt");
    load("/extract/names/surnames.txt");
  }

  private NameLexicon() {}

  /** True for a folded word that is a common given name or surname. */
  static boolean contains(String folded) {
    return NAMES.contains(folded);
  }

  static int size() {
    return NAMES.size();
  }

  private static void load(String resource) {
    try (InputStream in = NameLexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("name list " + resource + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          NAMES.add(TextFolding.fold(word));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read name list " + resource, e);
    }
  }
}
