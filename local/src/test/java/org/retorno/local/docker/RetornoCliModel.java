package org.retorno.local.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.retorno.local.cli.ClientOptions;
import org.retorno.local.cli.RetornoCli;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The real {@code retorno} command model (picocli), used to check command lines without running
 * them: which subcommands and options exist, and which environment variables each subcommand reads
 * (the {@code ${env:NAME}} in its option defaults).
 */
final class RetornoCliModel {
  private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");

  private RetornoCliModel() {}

  static Set<String> subcommands() {
    return new TreeSet<>(new CommandLine(new RetornoCli()).getSubcommands().keySet());
  }

  static CommandSpec spec(String subcommand) {
    CommandLine sub = new CommandLine(new RetornoCli()).getSubcommands().get(subcommand);
    if (sub == null) {
      throw new AssertionError("retorno has no subcommand '" + subcommand + "'; it has " + subcommands());
    }
    return sub.getCommandSpec();
  }

  /** Environment variables a subcommand reads, by the options they set. */
  static Map<String, OptionSpec> environmentOf(String subcommand) {
    Map<String, OptionSpec> variables = new java.util.TreeMap<>();
    for (OptionSpec option : spec(subcommand).options()) {
      String defaultValue = option.defaultValueString(false);
      if (defaultValue != null) {
        Matcher matcher = ENV_DEFAULT.matcher(defaultValue);
        while (matcher.find()) {
          variables.put(matcher.group(1), option);
        }
      }
    }
    return variables;
  }

  /** Every environment variable any subcommand reads. */
  static Set<String> environmentOfAll() {
    Set<String> variables = new TreeSet<>();
    subcommands().forEach(subcommand -> variables.addAll(environmentOf(subcommand).keySet()));
    return variables;
  }

  /**
   * Parses {@code retorno <arguments>} as the CLI would in a container with the given environment.
   * Picocli reads {@code ${env:...}} defaults from this JVM's environment, which a test cannot set,
   * so a variable the container sets is passed as the option it feeds, unless given explicitly.
   */
  static Invocation parse(List<String> arguments, Map<String, String> environment) {
    if (arguments.isEmpty()) {
      throw new AssertionError("an empty retorno command line");
    }
    String subcommand = arguments.get(0);
    CommandSpec subSpec = spec(subcommand);
    List<String> withEnvironment = new ArrayList<>(List.of(subcommand));
    environmentOf(subcommand).forEach((variable, option) -> {
      boolean explicit = arguments.stream().anyMatch(argument ->
          List.of(option.names()).contains(argument.split("=", 2)[0]));
      if (environment.containsKey(variable) && !explicit) {
        withEnvironment.add(option.longestName());
        withEnvironment.add(environment.get(variable));
      }
    });
    withEnvironment.addAll(arguments.subList(1, arguments.size()));
    CommandLine cli = new CommandLine(new RetornoCli());
    ParseResult result;
    try {
      result = cli.parseArgs(withEnvironment.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError("retorno " + String.join(" ", arguments) + ": " + e.getMessage(), e);
    }
    if (!subSpec.name().equals(result.subcommand().commandSpec().name())) {
      throw new AssertionError("parsed as " + result.subcommand().commandSpec().name());
    }
    return new Invocation(subcommand, result.subcommand().commandSpec());
  }

  /** One parsed command line: the subcommand's spec holds the values it was given. */
  record Invocation(String subcommand, CommandSpec spec) {
    <T> T option(String name) {
      OptionSpec option = spec.findOption(name);
      if (option == null) {
        throw new AssertionError("retorno " + subcommand + " has no option " + name);
      }
      return option.getValue();
    }

    <T> T positional(int index) {
      return spec.positionalParameters().get(index).getValue();
    }

    ClientOptions client() {
      return spec.mixins().values().stream().map(CommandSpec::userObject)
          .filter(ClientOptions.class::isInstance).map(ClientOptions.class::cast).findFirst()
          .orElseThrow(() -> new AssertionError("retorno " + subcommand + " takes no client options"));
    }
  }
}
