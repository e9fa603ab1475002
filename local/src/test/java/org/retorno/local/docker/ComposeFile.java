package org.retorno.local.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * docker/compose.yaml as compose reads it, for the parts the static test checks. Values are
 * un-escaped the way compose does it ("$$" is a literal "$"); the file uses no interpolation.
 */
final class ComposeFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path file;
  private final String text;
  private final JsonNode root;

  private ComposeFile(Path file, String text, JsonNode root) {
    this.file = file;
    this.text = text;
    this.root = root;
  }

  static ComposeFile read(Path file) {
    try {
      String text = Files.readString(file);
      return new ComposeFile(file, text, YAML.readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  String text() {
    return text;
  }

  /** The directory compose resolves relative paths against. */
  Path dir() {
    return file.getParent();
  }

  List<Service> services() {
    List<Service> services = new ArrayList<>();
    root.path("services").fields().forEachRemaining(entry ->
        services.add(new Service(entry.getKey(), entry.getValue())));
    return services;
  }

  Service service(String name) {
    return services().stream().filter(service -> service.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("compose has no service " + name));
  }

  List<String> namedVolumes() {
    List<String> names = new ArrayList<>();
    root.path("volumes").fieldNames().forEachRemaining(names::add);
    return names;
  }

  record Port(String hostIp, String hostPort, int containerPort) {}

  record Mount(String source, String target, boolean readOnly) {
    boolean isBind() {
      return source.startsWith(".") || source.startsWith("/");
    }
  }

  record Service(String name, JsonNode node) {
    String image() {
      return node.path("image").asText("");
    }

    boolean builtFromRepo() {
      return node.has("build");
    }

    Path buildContext(Path composeDir) {
      return composeDir.resolve(node.path("build").path("context").asText(".")).normalize();
    }

    String dockerfile() {
      return node.path("build").path("dockerfile").asText("Dockerfile");
    }

    Map<String, String> environment() {
      Map<String, String> env = new LinkedHashMap<>();
      JsonNode environment = node.path("environment");
      if (environment.isArray()) {
        environment.forEach(item -> {
          String[] pair = item.asText().split("=", 2);
          env.put(pair[0], pair.length > 1 ? unescape(pair[1]) : "");
        });
      } else {
        environment.fields().forEachRemaining(entry ->
            env.put(entry.getKey(), unescape(entry.getValue().asText())));
      }
      return env;
    }

    String env(String key) {
      return Optional.ofNullable(environment().get(key))
          .orElseThrow(() -> new AssertionError(name + " does not set " + key));
    }

    List<String> command() {
      return execForm("command");
    }

    List<String> entrypoint() {
      return execForm("entrypoint");
    }

    private List<String> execForm(String key) {
      JsonNode value = node.path(key);
      if (value.isMissingNode()) {
        return List.of();
      }
      if (!value.isArray()) {
        // A string would be split by compose with shell rules this test does not reproduce.
        throw new AssertionError(name + ": write " + key + " as a list (exec form)");
      }
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(unescape(item.asText())));
      return items;
    }

    List<Port> ports() {
      List<Port> ports = new ArrayList<>();
      node.path("ports").forEach(port -> ports.add(port.isObject()
          ? new Port(port.path("host_ip").asText(""), port.path("published").asText(""), port.path("target").asInt())
          : shortPort(port.asText())));
      return ports;
    }

    private static Port shortPort(String spec) {
      String[] parts = spec.replaceFirst("/(tcp|udp)$", "").split(":");
      return switch (parts.length) {
        case 1 -> new Port("", "", Integer.parseInt(parts[0]));
        case 2 -> new Port("", parts[0], Integer.parseInt(parts[1]));
        default -> new Port(parts[0], parts[1], Integer.parseInt(parts[2]));
      };
    }

    /** The host port a container port is published on. */
    int publishedPort(int containerPort) {
      return ports().stream().filter(port -> port.containerPort() == containerPort)
          .map(port -> Integer.parseInt(port.hostPort())).findFirst()
          .orElseThrow(() -> new AssertionError(name + " does not publish port " + containerPort));
    }

    List<Mount> mounts() {
      List<Mount> mounts = new ArrayList<>();
      node.path("volumes").forEach(volume -> {
        if (volume.isObject()) {
          mounts.add(new Mount(volume.path("source").asText(), volume.path("target").asText(),
              volume.path("read_only").asBoolean(false)));
        } else {
          String[] parts = volume.asText().split(":");
          mounts.add(new Mount(parts[0], parts[1], parts.length > 2 && parts[2].contains("ro")));
        }
      });
      return mounts;
    }

    /** The mount a container path lies under, if any. */
    Optional<Mount> mountOf(String containerPath) {
      return mounts().stream()
          .filter(mount -> containerPath.equals(mount.target()) || containerPath.startsWith(mount.target() + "/"))
          .findFirst();
    }

    /** Dependencies and their conditions (a plain list means service_started). */
    Map<String, String> dependsOn() {
      Map<String, String> conditions = new LinkedHashMap<>();
      JsonNode dependsOn = node.path("depends_on");
      if (dependsOn.isArray()) {
        dependsOn.forEach(item -> conditions.put(item.asText(), "service_started"));
      } else {
        dependsOn.fields().forEachRemaining(entry -> conditions.put(entry.getKey(),
            entry.getValue().path("condition").asText("service_started")));
      }
      return conditions;
    }

    boolean hasHealthcheck() {
      return node.path("healthcheck").has("test") && !node.path("healthcheck").path("disable").asBoolean(false);
    }

    String restart() {
      return node.path("restart").asText("no");
    }
  }

  private static String unescape(String value) {
    return value.replace("$$", "$");
  }
}
