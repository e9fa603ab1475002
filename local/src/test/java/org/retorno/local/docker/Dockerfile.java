package org.retorno.local.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Dockerfile read into stages and instructions, for the few instructions the test checks. */
final class Dockerfile {
  record Instruction(String keyword, String arguments) {}

  /** A COPY: its flags (--from, --chmod, ...), sources and destination. */
  record Copy(Map<String, String> flags, List<String> sources, String destination) {}

  record Stage(String image, String alias, List<Instruction> instructions) {
    List<String> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    String last(String keyword) {
      List<String> values = all(keyword);
      if (values.isEmpty()) {
        throw new AssertionError("stage " + image + " has no " + keyword);
      }
      return values.get(values.size() - 1);
    }

    List<Copy> copies() {
      List<Copy> copies = new ArrayList<>();
      for (String arguments : all("COPY")) {
        List<String> words = new ArrayList<>(Arrays.asList(arguments.trim().split("\\s+")));
        Map<String, String> flags = new LinkedHashMap<>();
        while (words.get(0).startsWith("--")) {
          String[] flag = words.remove(0).substring(2).split("=", 2);
          flags.put(flag[0], flag.length > 1 ? flag[1] : "");
        }
        copies.add(new Copy(flags, words.subList(0, words.size() - 1), words.get(words.size() - 1)));
      }
      return copies;
    }
  }

  private final List<Stage> stages;

  private Dockerfile(List<Stage> stages) {
    this.stages = stages;
  }

  static Dockerfile read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<Stage> stages = new ArrayList<>();
    // Continuation lines join the instruction; comment lines inside one are dropped, as docker does.
    StringBuilder pending = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || trimmed.isEmpty() && pending.length() == 0) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      String[] parts = pending.toString().strip().split("\\s+", 2);
      pending.setLength(0);
      String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
      String arguments = parts.length > 1 ? parts[1] : "";
      if (keyword.equals("FROM")) {
        String[] from = arguments.split("\\s+");
        String alias = from.length >= 3 && from[1].equalsIgnoreCase("AS") ? from[2] : "";
        stages.add(new Stage(from[0], alias, new ArrayList<>()));
      } else if (stages.isEmpty()) {
        throw new AssertionError(file + ": " + keyword + " before the first FROM");
      } else {
        stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
      }
    }
    return new Dockerfile(stages);
  }

  List<Stage> stages() {
    return stages;
  }

  Stage stage(String alias) {
    return stages.stream().filter(stage -> stage.alias().equals(alias)).findFirst()
        .orElseThrow(() -> new AssertionError("no stage named " + alias));
  }

  Stage finalStage() {
    return stages.get(stages.size() - 1);
  }
}
