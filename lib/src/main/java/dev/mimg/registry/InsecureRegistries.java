package dev.mimg.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which registries may be spoken to in plain HTTP: loopback ones (127.0.0.0/8, ::1, localhost) and those listed
 * as insecure (by the caller or in {@code MIMG_INSECURE_REGISTRIES}, comma separated, {@code host} or
 * {@code host:port}); every other registry is reached over TLS only.
 */
final class InsecureRegistries {

  /** The environment variable listing registries that may be reached without TLS. */
  static final String ENV = "MIMG_INSECURE_REGISTRIES";

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final Set<String> listed;

  InsecureRegistries(Collection<String> listed) {
    this.listed = listed.stream().map(String::strip).filter(entry -> !entry.isEmpty())
        .map(entry -> entry.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** The registries listed by the caller plus those of {@code MIMG_INSECURE_REGISTRIES}. */
  static InsecureRegistries of(Collection<String> listed, Map<String, String> env) {
    Stream<String> fromEnv = Arrays.stream(env.getOrDefault(ENV, "").split(","));
    return new InsecureRegistries(Stream.concat(listed.stream(), fromEnv).collect(Collectors.toList()));
  }

  /** True when {@code domain} (e.g. {@code 127.0.0.1:5000}) may be reached in plain HTTP. */
  boolean allowsPlainHttp(String domain) {
    String lower = domain.toLowerCase(Locale.ROOT);
    String host = hostOf(lower);
    return isLoopback(host) || listed.contains(lower) || listed.contains(host);
  }

  /** True for localhost and loopback IP literals; never resolves a name. */
  static boolean isLoopback(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    if (!IPV4.matcher(host).matches() && !host.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException notAnAddress) {
      return false;
    }
  }

  /** The host of {@code host[:port]} or {@code [v6]:port}, without brackets. */
  static String hostOf(String authority) {
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? authority : authority.substring(1, close);
    }
    int colon = authority.indexOf(':');
    return colon < 0 || authority.indexOf(':', colon + 1) >= 0 ? authority : authority.substring(0, colon);
  }
}
