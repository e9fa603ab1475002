package org.retorno.schemas.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Registry URLs as configured, which may carry {@code user:password@} when the basic auth
 * credentials come from the URL. The credentials are taken out before a URL is used, logged or
 * put in an error message.
 */
final class RegistryUrls {
  private RegistryUrls() {}

  /** The user info of the first URL that has one, decoded. */
  static Optional<String> userInfo(List<String> urls) {
    for (String url : urls) {
      try {
        String userInfo = new URI(url.trim()).getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
          return Optional.of(userInfo);
        }
      } catch (URISyntaxException e) {
        // reported, without the URL's credentials, when the URL is used
      }
    }
    return Optional.empty();
  }

  /**
   * @param credentialsAllowed true when the credentials source is the URL
   * @throws ConfigException naming the URL without its credentials
   */
  static URI httpUrl(String url, boolean credentialsAllowed) {
    String shown = redacted(url.trim());
    try {
      URI uri = new URI(url.trim());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL, shown, "expected an http(s) URL with a host");
      }
      if (uri.getRawUserInfo() == null) {
        return uri;
      }
      if (!credentialsAllowed) {
        // Credentials in a URL end up in logs and error messages; they belong in basic.auth.user.info.
        throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL + " must not contain credentials; use "
            + SerdeConfig.BASIC_AUTH_USER_INFO + " with " + SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE + "="
            + SerdeConfig.USER_INFO);
      }
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      throw new ConfigException(SerdeConfig.SCHEMA_REGISTRY_URL, shown, "not a URL: " + e.getReason());
    }
  }

  /** The URL with anything between "://" and the last "@" of its authority replaced. */
  static String redacted(String url) {
    int scheme = url.indexOf("://");
    int authorityStart = scheme < 0 ? 0 : scheme + 3;
    int authorityEnd = url.indexOf('/', authorityStart);
    String authority = authorityEnd < 0 ? url.substring(authorityStart) : url.substring(authorityStart, authorityEnd);
    int at = authority.lastIndexOf('@');
    if (at < 0) {
      return url;
    }
    return url.substring(0, authorityStart) + "[hidden]@" + authority.substring(at + 1)
        + (authorityEnd < 0 ? "" : url.substring(authorityEnd));
  }
}
