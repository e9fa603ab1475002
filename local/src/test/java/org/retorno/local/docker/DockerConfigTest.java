package org.retorno.local.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.retorno.local.cli.RetornoCli;
import org.retorno.local.docker.ComposeFile.Mount;
import org.retorno.local.docker.ComposeFile.Service;
import org.retorno.local.docker.RetornoCliModel.Invocation;
import org.retorno.streams.app.StreamsSettings;

/**
 * docker/ cannot be run here (no Docker engine), so it is checked against what it claims: the
 * retorno command lines and environment variables against the real CLI model, the Kafka settings
 * against the broker's own config definition, streams.properties against Kafka Streams, and the
 * Dockerfile against the paths the ./retorno launcher uses.
 */
class DockerConfigTest {
  private static final Path ROOT = repoRoot();
  private static final Path DOCKER = ROOT.resolve("docker");
  private static final ComposeFile COMPOSE = ComposeFile.read(DOCKER.resolve("compose.yaml"));
  private static final Pattern LISTENER = Pattern.compile("([A-Za-z_]+)://([^:,]*):(\\d+)");
  private static final String LOOPBACK = "127.0.0.1";

  // --- the retorno services ---------------------------------------------------------------

  @Test
  void everyRetornoCommandIsARealSubcommandWithRealOptions() {
    Set<String> used = new TreeSet<>();
    for (Service service : retornoServices()) {
      for (List<String> run : RetornoRuns.of(service)) {
        Invocation invocation = RetornoCliModel.parse(run, service.environment());
        used.add(invocation.subcommand());
      }
    }
    assertThat(used).containsExactly("ingest", "streams");
  }

  @Test
  void retornoServicesSetOnlyEnvironmentVariablesTheirCommandsRead() {
    assertThat(RetornoCliModel.environmentOfAll())
        .contains("RETORNO_BOOTSTRAP", "RETORNO_REGISTRY", "RETORNO_CLIENT_CONFIG", "RETORNO_STREAMS_CONFIG");
    for (Service service : retornoServices()) {
      Set<String> readByCommands = new TreeSet<>(Set.of("JAVA_OPTS"));
      RetornoRuns.of(service).forEach(run -> readByCommands.addAll(RetornoCliModel.environmentOf(run.get(0)).keySet()));
      assertThat(service.environment().keySet()).as("%s sets variables nothing reads", service.name())
          .isNotEmpty().isSubsetOf(readByCommands);
    }
    assertThat(read(DOCKER.resolve("retorno.sh"))).as("the image launcher reads JAVA_OPTS").contains("${JAVA_OPTS");
  }

  @Test
  void retornoServicesReachTheKafkaNodesAndTheRegistry() {
    Set<String> internalEndpoints = kafkaNodes().stream()
        .map(DockerConfigTest::interBrokerEndpoint).collect(Collectors.toSet());
    Service registry = COMPOSE.service("schema-registry");
    String registryUrl = "http://" + registry.name() + ":" + port(registry.env("SCHEMA_REGISTRY_LISTENERS"));
    for (Service service : retornoServices()) {
      assertThat(Set.of(service.env("RETORNO_BOOTSTRAP").split(",")))
          .as("%s bootstrap servers", service.name()).isEqualTo(internalEndpoints);
      assertThat(service.env("RETORNO_REGISTRY")).as("%s registry", service.name()).isEqualTo(registryUrl);
    }
  }

  @Test
  void streamsPropertiesHoldOnlyKeysTheStreamsCommandUnderstands() {
    Properties file = load(DOCKER.resolve("streams.properties"));
    Properties examples = commentedExamples(DOCKER.resolve("streams.properties"));
    assertThat(examples.stringPropertyNames())
        .contains("security.protocol", "sasl.mechanism", "sasl.jaas.config", "basic.auth.user.info");
    Map<String, String> problems = new LinkedHashMap<>();
    for (Properties props : List.of(file, examples)) {
      props.stringPropertyNames().forEach(key -> StreamsKeys.problem(key).ifPresent(why -> problems.put(key, why)));
    }
    assertThat(problems).isEmpty();
    assertThat(file.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void streamsInstancesShareOneApplicationAndEachIsReachable() {
    List<Service> services = servicesRunning("streams");
    assertThat(services).hasSize(2);
    Set<String> applicationIds = new HashSet<>();
    Set<Object> mainConsumerInstanceIds = new HashSet<>();
    Set<String> stateVolumes = new HashSet<>();
    for (Service service : services) {
      Invocation streams = RetornoCliModel.parse(RetornoRuns.of(service).get(0), service.environment());
      Path config = streams.option("--config");
      Properties file = load(hostPath(service, config.toString()));
      // What StreamsCommand builds: the settings file, then the client options, then --http-*.
      Properties effective = new Properties();
      effective.putAll(file);
      effective.putAll(streams.client().toProperties());
      StreamsSettings settings = new StreamsSettings(effective);
      Properties streamsProperties = settings.streamsProperties();
      StreamsConfig streamsConfig = new StreamsConfig(streamsProperties);

      assertThat(file.getProperty(StreamsSettings.REGISTRY_URL)).as("%s: the file's registry URL is the one used", service.name())
          .isEqualTo(effective.getProperty(StreamsSettings.REGISTRY_URL));
      assertThat(streamsConfig.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
      short replication = streams.option("--replication");
      assertThat(streamsConfig.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo((int) replication)
          .isEqualTo(kafkaNodes().size());
      assertThat(settings.httpHost()).as("%s must listen on all container interfaces", service.name()).isEqualTo("0.0.0.0");
      assertThat(service.publishedPort(settings.httpPort())).isPositive();
      String stateDir = streamsConfig.getString(StreamsConfig.STATE_DIR_CONFIG);
      Mount state = service.mountOf(stateDir).orElseThrow(() -> new AssertionError(stateDir + " is not on a volume"));
      assertThat(state.isBind()).isFalse();
      assertThat(COMPOSE.namedVolumes()).contains(state.source());

      applicationIds.add(streamsConfig.getString(StreamsConfig.APPLICATION_ID_CONFIG));
      mainConsumerInstanceIds.add(streamsConfig.getMainConsumerConfigs("group", "client", 1)
          .get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
      stateVolumes.add(state.source());
    }
    assertThat(applicationIds).containsExactly("retorno-streams");
    assertThat(mainConsumerInstanceIds).as("static membership ids").doesNotContainNull().hasSize(2);
    assertThat(stateVolumes).as("each instance has its own state").hasSize(2);
  }

  @Test
  void theInboxWatchesItsOwnVolumeForReports() {
    Service inbox = servicesRunning("ingest").stream()
        .filter(service -> service.name().equals("retorno-inbox")).findFirst().orElseThrow();
    assertThat(String.join(" ", inbox.command())).contains("ingest reports --watch /var/lib/retorno/inbox");
    assertThat(inbox.mounts()).contains(new ComposeFile.Mount("retorno-inbox", "/var/lib/retorno/inbox", false));
  }

  @Test
  void ingestRunsOnceOverEveryMountedSampleFolder() throws IOException {
    List<Service> services = servicesRunning("ingest");
    assertThat(services).extracting(Service::name).containsExactly("retorno-ingest", "retorno-inbox");
    Service ingest = services.get(0);
    assertThat(ingest.restart()).isEqualTo("no");
    Set<String> types = new TreeSet<>();
    Set<Path> folders = new HashSet<>();
    for (List<String> run : RetornoRuns.of(ingest)) {
      Invocation invocation = RetornoCliModel.parse(run, ingest.environment());
      types.add(invocation.positional(0));
      List<Path> paths = invocation.positional(1);
      for (Path path : paths) {
        Mount mount = ingest.mountOf(path.toString()).orElseThrow(() -> new AssertionError(path + " is not mounted"));
        assertThat(mount.readOnly()).as("%s mounted read-only", path).isTrue();
        Path onHost = hostPath(ingest, path.toString());
        assertThat(onHost).isDirectory();
        folders.add(onHost.toRealPath());
      }
    }
    assertThat(types).containsExactly("counts", "news", "reports");
    Set<Path> sampleFolders = new HashSet<>();
    try (var samples = Files.list(ROOT.resolve("samples"))) {
      for (Path folder : samples.filter(Files::isDirectory).toList()) {
        sampleFolders.add(folder.toRealPath());
      }
    }
    assertThat(folders).isEqualTo(sampleFolders);
    // Only a running streams instance has created the topics with their retention.
    assertThat(ingest.dependsOn()).containsValue("service_healthy")
        .containsKey(servicesRunning("streams").get(0).name());
  }

  // --- the compose file as a whole ---------------------------------------------------------

  @Test
  void everyPublishedPortBindsLoopbackOnly() {
    List<String> published = new ArrayList<>();
    for (Service service : COMPOSE.services()) {
      assertThat(service.node().path("network_mode").asText("")).as(service.name()).isNotEqualTo("host");
      service.ports().forEach(port -> {
        assertThat(port.hostIp()).as("%s publishes %s", service.name(), port).isEqualTo(LOOPBACK);
        assertThat(port.hostPort()).as("%s publishes %s", service.name(), port).isNotEmpty();
        published.add(port.hostPort());
      });
    }
    assertThat(published).as("host ports").doesNotHaveDuplicates()
        .containsExactlyInAnyOrder("29092", "39092", "49092", "8081", "8080", "8082", "9090", "3000", "8088");
  }

  /** The one interpolation allowed: a secret the operator must supply, e.g. ${RETORNO_ANALYST_TOKEN:?why}. */
  private static final Pattern REQUIRED_SECRET = Pattern.compile("\\$\\{RETORNO_[A-Z_]*TOKEN:\\?[^}$]*}");

  @Test
  void composeFileIsPlainYamlWithoutInterpolation() {
    String text = COMPOSE.text();
    assertThat(REQUIRED_SECRET.matcher(text.replace("$$", "")).replaceAll(""))
        .as("compose interpolation ($ not doubled), other than a required secret").doesNotContain("$");
    assertThat(text).as("merge keys").doesNotContain("<<:");
    assertThat(Pattern.compile("(^|[\\s:\\-\\[,])[&*][A-Za-z]", Pattern.MULTILINE).matcher(
        text.lines().map(line -> line.replaceAll("\"[^\"]*\"|#.*", "")).collect(Collectors.joining("\n"))).find())
        .as("YAML anchors or aliases").isFalse();
  }

  @Test
  void dependenciesExistAndHealthConditionsHaveHealthChecks() {
    Map<String, Service> byName = COMPOSE.services().stream().collect(Collectors.toMap(Service::name, s -> s));
    int healthConditions = 0;
    for (Service service : COMPOSE.services()) {
      for (Map.Entry<String, String> dependency : service.dependsOn().entrySet()) {
        Service target = byName.get(dependency.getKey());
        assertThat(target).as("%s depends on a missing service %s", service.name(), dependency.getKey()).isNotNull();
        if (dependency.getValue().equals("service_healthy")) {
          assertThat(target.hasHealthcheck()).as("%s has a health check", target.name()).isTrue();
          healthConditions++;
        }
      }
    }
    assertThat(healthConditions).isEqualTo(7);
  }

  @Test
  void mountsAndBuildContextsExist() {
    for (Service service : COMPOSE.services()) {
      for (Mount mount : service.mounts()) {
        if (mount.isBind()) {
          assertThat(COMPOSE.dir().resolve(mount.source())).as("%s mounts", service.name()).exists();
        } else {
          assertThat(COMPOSE.namedVolumes()).as("%s volume", service.name()).contains(mount.source());
        }
      }
      if (service.builtFromRepo()) {
        assertThat(service.buildContext(COMPOSE.dir())).isEqualTo(ROOT);
        assertThat(ROOT.resolve(service.dockerfile())).isEqualTo(DOCKER.resolve("Dockerfile"));
      }
    }
  }

  // --- Kafka and the registry --------------------------------------------------------------

  @Test
  void kafkaNodesAgreeOnQuorumAndClusterId() {
    List<Service> nodes = kafkaNodes();
    assertThat(nodes).hasSize(3);
    assertThat(nodes).extracting(node -> node.env("CLUSTER_ID")).containsOnly(nodes.get(0).env("CLUSTER_ID"));
    assertThatCode(() -> Uuid.fromString(nodes.get(0).env("CLUSTER_ID"))).doesNotThrowAnyException();
    assertThat(nodes).extracting(node -> node.env("KAFKA_CONTROLLER_QUORUM_VOTERS"))
        .containsOnly(nodes.get(0).env("KAFKA_CONTROLLER_QUORUM_VOTERS"));

    Map<String, String> expectedVoters = new LinkedHashMap<>();
    for (Service node : nodes) {
      assertThat(node.env("KAFKA_PROCESS_ROLES").split(",")).containsExactlyInAnyOrder("broker", "controller");
      String controller = node.env("KAFKA_CONTROLLER_LISTENER_NAMES");
      expectedVoters.put(node.env("KAFKA_NODE_ID"), node.name() + ":" + listenerPort(node, controller));
    }
    Map<String, String> voters = new LinkedHashMap<>();
    for (String voter : nodes.get(0).env("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")) {
      String[] idAndAddress = voter.split("@", 2);
      voters.put(idAndAddress[0], idAndAddress[1]);
    }
    assertThat(voters).isEqualTo(expectedVoters);
  }

  @Test
  void kafkaSettingsAreBrokerConfigsTheBrokerAccepts() {
    Set<String> brokerKeys = KafkaConfig.configDef().names();
    for (Service node : kafkaNodes()) {
      assertThat(node.image()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
      Properties props = new Properties();
      node.environment().forEach((variable, value) -> {
        if (!variable.equals("CLUSTER_ID")) {
          assertThat(variable).as("%s: the image turns only KAFKA_* into settings", node.name()).startsWith("KAFKA_");
          String key = brokerKey(variable);
          assertThat(brokerKeys).as("%s: %s is %s", node.name(), variable, key).contains(key);
          props.put(key, value);
        }
      });
      assertThatCode(() -> KafkaConfig.fromProps(props, false)).as(node.name()).doesNotThrowAnyException();
      assertThat(props).containsEntry("offsets.topic.replication.factor", "3")
          .containsEntry("transaction.state.log.replication.factor", "3")
          .containsEntry("transaction.state.log.min.isr", "2")
          .containsEntry("min.insync.replicas", "2");
    }
  }

  @Test
  void kafkaAdvertisesListenersOthersCanReach() {
    for (Service node : kafkaNodes()) {
      Map<String, String> listeners = listeners(node);
      Map<String, String> advertised = advertised(node);
      Set<String> protocols = new TreeSet<>(List.of(node.env("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")))
          .stream().map(entry -> entry.split(":")[0]).collect(Collectors.toCollection(TreeSet::new));
      assertThat(protocols).as("%s protocol map", node.name()).containsAll(listeners.keySet());
      assertThat(interBrokerEndpoint(node))
          .isEqualTo(node.name() + ":" + listenerPort(node, node.env("KAFKA_INTER_BROKER_LISTENER_NAME")));
      // The listener for host clients advertises the host port compose publishes it on.
      advertised.forEach((name, address) -> {
        if (address.startsWith(LOOPBACK + ":")) {
          assertThat(port(address)).isEqualTo(node.publishedPort(listenerPort(node, name)));
        }
      });
      assertThat(advertised.values()).anyMatch(address -> address.startsWith(LOOPBACK + ":"));
    }
  }

  @Test
  void registryStoresItsSchemasOnTheKafkaNodes() {
    Service registry = COMPOSE.service("schema-registry");
    assertThat(registry.image()).startsWith("confluentinc/cp-schema-registry:");
    assertThat(registry.env("SCHEMA_REGISTRY_HOST_NAME")).isEqualTo(registry.name());
    Set<String> internal = kafkaNodes().stream()
        .map(node -> node.env("KAFKA_INTER_BROKER_LISTENER_NAME") + "://" + interBrokerEndpoint(node))
        .collect(Collectors.toSet());
    assertThat(Set.of(registry.env("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS").split(",")))
        .isEqualTo(internal);
    String listener = registry.env("SCHEMA_REGISTRY_LISTENERS");
    assertThat(listener).startsWith("http://0.0.0.0:");
    assertThat(registry.publishedPort(port(listener))).isEqualTo(8081);
  }

  // --- the image ---------------------------------------------------------------------------

  @Test
  void dockerfileCopiesWhatTheLauncherScriptRuns() throws IOException {
    String launcher = read(ROOT.resolve("retorno"));
    String jar = stripRoot(assignment(launcher, "JAR"));
    String lib = stripRoot(assignment(launcher, "LIB"));
    String mainClass = RetornoCli.class.getName();
    assertThat(launcher).contains(mainClass);

    Dockerfile dockerfile = Dockerfile.read(DOCKER.resolve("Dockerfile"));
    Dockerfile.Stage build = dockerfile.stages().get(0);
    Dockerfile.Stage runtime = dockerfile.finalStage();
    assertThat(build.image()).startsWith("maven:").contains("temurin-17");
    assertThat(build.all("RUN")).anyMatch(run -> run.contains("mvn -B -DskipTests package"));
    assertThat(runtime.image()).isEqualTo("eclipse-temurin:17-jre");

    // Every module of the parent pom is in the build context the build stage copies.
    Set<String> copied = build.copies().stream().flatMap(copy -> copy.sources().stream())
        .map(source -> source.replaceAll("/$", "")).collect(Collectors.toSet());
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("pom.xml")));
    List<String> modules = new ArrayList<>();
    while (module.find()) {
      modules.add(module.group(1));
    }
    assertThat(copied).contains("pom.xml").containsAll(modules);
    copied.forEach(source -> assertThat(ROOT.resolve(source)).exists());

    String workdir = build.last("WORKDIR").replaceAll("/$", "") + "/";
    Map<String, String> fromBuild = new LinkedHashMap<>();
    runtime.copies().stream().filter(copy -> build.alias().equals(copy.flags().get("from")))
        .forEach(copy -> copy.sources().forEach(source ->
            fromBuild.put(source.replaceFirst("^" + Pattern.quote(workdir), "").replaceAll("/$", ""), copy.destination())));
    String jarGlob = fromBuild.keySet().stream().filter(source -> source.endsWith(".jar")).findFirst()
        .orElseThrow(() -> new AssertionError("the runtime stage copies no jar"));
    assertThat(FileSystems.getDefault().getPathMatcher("glob:" + jarGlob).matches(Path.of(jar)))
        .as("%s matches %s", jarGlob, jar).isTrue();
    assertThat(fromBuild).containsKey(lib);

    // The image's retorno command runs the main class from where those copies land.
    Dockerfile.Copy entry = runtime.copies().stream()
        .filter(copy -> copy.destination().equals("/usr/local/bin/retorno")).findFirst()
        .orElseThrow(() -> new AssertionError("no retorno command in /usr/local/bin"));
    assertThat(entry.flags()).containsEntry("chmod", "755");
    String imageLauncher = read(ROOT.resolve(entry.sources().get(0)));
    assertThat(imageLauncher).contains(mainClass).contains("\"$@\"");
    Matcher classPath = Pattern.compile("-cp '([^']+)'").matcher(imageLauncher);
    assertThat(classPath.find()).isTrue();
    assertThat(List.of(classPath.group(1).split(":")))
        .containsExactlyInAnyOrder(dir(fromBuild.get(jarGlob)) + "*", dir(fromBuild.get(lib)) + "*");
    assertThat(runtime.last("ENTRYPOINT")).isEqualTo("[\"retorno\"]");
    String user = runtime.last("USER");
    assertThat(user).isNotIn("root", "0");
    assertThat(runtime.all("RUN")).anyMatch(run -> run.contains("useradd") && run.contains(" " + user));
  }

  @Test
  void dockerignoreKeepsWhatTheBuildCopies() {
    List<String> patterns = read(DOCKER.resolve("Dockerfile.dockerignore")).lines()
        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    assertThat(patterns).contains("**/target", ".git");
    List<String> sources = new ArrayList<>();
    Dockerfile dockerfile = Dockerfile.read(DOCKER.resolve("Dockerfile"));
    dockerfile.stages().forEach(stage -> stage.copies().stream().filter(copy -> !copy.flags().containsKey("from"))
        .forEach(copy -> sources.addAll(copy.sources())));
    assertThat(sources).isNotEmpty();
    for (String source : sources) {
      for (String pattern : patterns) {
        assertThat(FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(source.replaceAll("/$", ""))))
            .as("%s excludes %s", pattern, source).isFalse();
      }
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  private static List<Service> retornoServices() {
    List<Service> services = COMPOSE.services().stream().filter(Service::builtFromRepo).toList();
    assertThat(services).isNotEmpty();
    return services;
  }

  private static List<Service> servicesRunning(String subcommand) {
    return retornoServices().stream()
        .filter(service -> RetornoRuns.of(service).stream().anyMatch(run -> run.get(0).equals(subcommand)))
        .toList();
  }

  private static List<Service> kafkaNodes() {
    return COMPOSE.services().stream().filter(service -> service.image().startsWith("apache/kafka:")).toList();
  }

  /** The image's rule: KAFKA_ dropped, "___" is "-", "__" is "_", "_" is ".", lower case. */
  static String brokerKey(String variable) {
    Matcher underscores = Pattern.compile("_+").matcher(variable.substring("KAFKA_".length()));
    StringBuilder key = new StringBuilder();
    while (underscores.find()) {
      int length = underscores.group().length();
      underscores.appendReplacement(key, length == 1 ? "." : length == 2 ? "_" : "-");
    }
    underscores.appendTail(key);
    return key.toString().toLowerCase(Locale.ROOT);
  }

  /** Listener name to host:port, from a KAFKA_LISTENERS-style value. */
  private static Map<String, String> listenerMap(String value) {
    Map<String, String> map = new LinkedHashMap<>();
    Matcher matcher = LISTENER.matcher(value);
    while (matcher.find()) {
      map.put(matcher.group(1), matcher.group(2) + ":" + matcher.group(3));
    }
    return map;
  }

  private static Map<String, String> listeners(Service node) {
    return listenerMap(node.env("KAFKA_LISTENERS"));
  }

  private static Map<String, String> advertised(Service node) {
    return listenerMap(node.env("KAFKA_ADVERTISED_LISTENERS"));
  }

  private static String interBrokerEndpoint(Service node) {
    String name = node.env("KAFKA_INTER_BROKER_LISTENER_NAME");
    String address = advertised(node).get(name);
    if (address == null) {
      throw new AssertionError(node.name() + " does not advertise its inter-broker listener " + name);
    }
    return address;
  }

  private static int listenerPort(Service node, String name) {
    String address = listeners(node).get(name);
    if (address == null) {
      throw new AssertionError(node.name() + " has no listener " + name + " in KAFKA_LISTENERS");
    }
    return port(address);
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  private static String dir(String destination) {
    return destination.endsWith("/") ? destination : destination + "/";
  }

  private static Path hostPath(Service service, String containerPath) {
    Mount mount = service.mountOf(containerPath)
        .orElseThrow(() -> new AssertionError(service.name() + " does not mount " + containerPath));
    assertThat(mount.isBind()).as("%s is a file of this repository", containerPath).isTrue();
    String rest = containerPath.substring(mount.target().length()).replaceFirst("^/", "");
    Path source = COMPOSE.dir().resolve(mount.source()).normalize();
    return rest.isEmpty() ? source : source.resolve(rest);
  }

  private static String assignment(String script, String variable) {
    Matcher matcher = Pattern.compile("(?m)^" + variable + "=\"([^\"]+)\"").matcher(script);
    if (!matcher.find()) {
      throw new AssertionError("./retorno does not set " + variable);
    }
    return matcher.group(1);
  }

  private static String stripRoot(String path) {
    return path.replaceFirst("^\\$ROOT/", "");
  }

  private static Properties load(Path file) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      props.load(reader);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
    }
    return props;
  }

  /** Lines like "#key=value" (no space after #): settings shown as examples, commented out. */
  private static Properties commentedExamples(Path file) {
    String examples = read(file).lines().filter(line -> line.matches("#[a-z][a-z0-9._-]*=.*"))
        .map(line -> line.substring(1)).collect(Collectors.joining("\n"));
    Properties props = new Properties();
    try {
      props.load(new java.io.StringReader(examples));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return props;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker/compose.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no docker/compose.yaml above " + Path.of("").toAbsolutePath());
  }
}
