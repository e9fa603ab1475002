package org.retorno.schemas.serde;

import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.retorno.schemas.registry.MockSchemaRegistryClient;
import org.retorno.schemas.registry.RestSchemaRegistryClient;
import org.retorno.schemas.registry.SchemaRegistryClient;

/** Makes the registry client that {@link SerdeConfig#SCHEMA_REGISTRY_URL} names. */
public final class RegistryClientFactory {
  private RegistryClientFactory() {}

  /** @throws ConfigException if the URLs are missing or malformed */
  public static SchemaRegistryClient create(SerdeConfig config) {
    List<String> urls = config.registryUrls();
    if (urls.isEmpty()) {
      throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL + " is required (http(s) URLs or mock://scope)");
    }
    if (urls.get(0).startsWith(SerdeConfig.MOCK_URL_PREFIX)) {
      String scope = urls.get(0).substring(SerdeConfig.MOCK_URL_PREFIX.length());
      if (urls.size() > 1 || scope.isEmpty()) {
        throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL, String.join(",", urls),
            "a mock registry is a single mock://scope with a non-empty scope");
      }
      return MockSchemaRegistryClient.forScope(scope);
    }
    RestSchemaRegistryClient.Options options = new RestSchemaRegistryClient.Options(config.connectTimeout(),
        config.requestTimeout(), config.latestCacheTtl(), config.basicAuthUserInfo(), config.bearerToken(),
        config.tls());
    boolean credentialsInUrl = config.credentialsInUrl();
    return new RestSchemaRegistryClient(
        urls.stream().map(url -> RegistryUrls.httpUrl(url, credentialsInUrl)).toList(), options);
  }
}
