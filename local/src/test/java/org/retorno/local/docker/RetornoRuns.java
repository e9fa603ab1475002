package org.retorno.local.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code retorno} command lines a compose service runs, each as the arguments after the word
 * {@code retorno}. A service without an entrypoint runs the image's ENTRYPOINT (retorno) with its
 * command; a service with {@code ["/bin/sh", "-c"]} runs a script whose lines are retorno commands
 * joined by a little glue (variable assignments and {@code test}).
 *
 * <p>The script reader knows only the shell this file needs: words, double quotes without escapes,
 * and {@code ||}, {@code &&}, {@code ;}. Anything else in a retorno command (expansions, single
 * quotes, backslashes, globs, redirections) fails the test rather than being guessed at.
 */
final class RetornoRuns {
  static final List<String> SHELL = List.of("/bin/sh", "-c");
  private static final Pattern GLUE = Pattern.compile("[a-z_]+=[a-z]+|test .*");
  private static final Pattern SHELL_SPECIAL = Pattern.compile("[$'\\\\`*?<>(){}|&;]");

  private RetornoRuns() {}

  static List<List<String>> of(ComposeFile.Service service) {
    List<String> entrypoint = service.entrypoint();
    if (entrypoint.isEmpty()) {
      return List.of(service.command());
    }
    if (!entrypoint.equals(SHELL) || service.command().size() != 1) {
      throw new AssertionError(service.name() + ": expected no entrypoint, or " + SHELL
          + " with a one-item command holding the script; got " + entrypoint + " " + service.command());
    }
    return fromScript(service.name(), service.command().get(0));
  }

  static List<List<String>> fromScript(String where, String script) {
    List<List<String>> runs = new ArrayList<>();
    for (String line : script.split("\n")) {
      for (List<Word> command : simpleCommands(where, line)) {
        if (command.isEmpty()) {
          continue;
        }
        if (command.get(0).text().equals("retorno")) {
          runs.add(retornoArguments(where, command));
        } else {
          String text = String.join(" ", command.stream().map(Word::text).toList());
          if (!GLUE.matcher(text).matches()) {
            throw new AssertionError(where + ": script line part is neither a retorno command nor "
                + "glue (assignment, test): " + text);
          }
        }
      }
    }
    return runs;
  }

  private static List<String> retornoArguments(String where, List<Word> command) {
    List<String> arguments = new ArrayList<>();
    for (Word word : command.subList(1, command.size())) {
      if (!word.quoted() && SHELL_SPECIAL.matcher(word.text()).find() || word.text().contains("$")) {
        throw new AssertionError(where + ": the shell would change the argument " + word.text());
      }
      arguments.add(word.text());
    }
    return arguments;
  }

  private record Word(String text, boolean quoted) {}

  /** Splits one line at ||, && and ; outside double quotes, and each part into words. */
  private static List<List<Word>> simpleCommands(String where, String line) {
    List<List<Word>> commands = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inQuotes = false;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        inQuotes = !inQuotes;
        quoted = true;
      } else if (inQuotes) {
        if (c == '\\') {
          throw new AssertionError(where + ": no escapes inside double quotes, please: " + line);
        }
        word.append(c);
      } else if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&') {
        if (word.length() > 0 || quoted) {
          words.add(new Word(word.toString(), quoted));
          word.setLength(0);
          quoted = false;
        }
        boolean operator = c == ';'
            || (c == '|' || c == '&') && i + 1 < line.length() && line.charAt(i + 1) == c;
        if (operator) {
          commands.add(words);
          words = new ArrayList<>();
          i += c == ';' ? 0 : 1;
        } else if (c == '|' || c == '&') {
          throw new AssertionError(where + ": pipes and background jobs are not expected: " + line);
        }
      } else {
        word.append(c);
      }
    }
    if (inQuotes) {
      throw new AssertionError(where + ": unbalanced double quote: " + line);
    }
    if (word.length() > 0 || quoted) {
      words.add(new Word(word.toString(), quoted));
    }
    commands.add(words);
    return commands;
  }
}
