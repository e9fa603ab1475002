package org.retorno.schemas.serde;

import java.net.URI;
import java.net.URISyntaxException;
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
    RestSchemaRegistryClient.Options options = new RestSchemaRegistryClient.Options(
        config.connectTimeout(), config.requestTimeout(), config.latestCacheTtl(), config.basicAuthUserInfo());
    return new RestSchemaRegistryClient(urls.stream().map(RegistryClientFactory::httpUrl).toList(), options);
  }

  private static URI httpUrl(String url) {
    try {
      URI uri = new URI(url.trim());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL, url, "expected an http(s) URL with a host");
      }
      if (uri.getUserInfo() != null) {
        // Credentials in a URL end up in logs and error messages; they belong in basic.auth.user.info.
        throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL + " must not contain credentials; use "
            + SerdeConfig.BASIC_AUTH_USER_INFO + " with " + SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE + "="
            + SerdeConfig.USER_INFO);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL, url, "not a URL: " + e.getReason());
    }
  }
}
