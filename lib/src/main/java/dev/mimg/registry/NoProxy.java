package dev.mimg.registry;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code NO_PROXY} list: {@code *} (everything), a domain (itself and its subdomains), {@code .domain}
 * (subdomains only), an IP or a CIDR block; entries may carry {@code :port}.
 */
final class NoProxy {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-f:]*:[0-9a-f:.]*");

  private final List<String> entries;

  NoProxy(String list) {
    this.entries = Arrays.stream(list.split(",")).map(String::strip).filter(entry -> !entry.isEmpty())
        .map(entry -> entry.toLowerCase(Locale.ROOT)).toList();
  }

  /** True when requests to {@code host} (lower case, no brackets) on {@code port} skip the proxy. */
  boolean excludes(String host, int port) {
    return entries.stream().anyMatch(entry -> matches(entry, host, port));
  }

  private static boolean matches(String entry, String host, int port) {
    if (entry.equals("*")) {
      return true;
    }
    String name = entry;
    String entryPort = null;
    int colon = entry.lastIndexOf(':');
    if (colon > 0 && entry.indexOf(':') == colon && !entry.contains("/")) {
      name = entry.substring(0, colon);
      entryPort = entry.substring(colon + 1);
    } else if (entry.startsWith("[") && entry.contains("]:")) {
      name = entry.substring(1, entry.indexOf(']'));
      entryPort = entry.substring(entry.indexOf("]:") + 2);
    } else if (entry.startsWith("[") && entry.endsWith("]")) {
      name = entry.substring(1, entry.length() - 1);
    }
    if (entryPort != null && !entryPort.equals(Integer.toString(port))) {
      return false;
    }
    if (name.contains("/")) {
      return inCidr(name, host);
    }
    if (name.startsWith("*.")) {
      name = name.substring(1);
    }
    if (name.startsWith(".")) {
      return host.endsWith(name);
    }
    return host.equals(name) || host.endsWith("." + name) || sameAddress(name, host);
  }

  private static boolean sameAddress(String name, String host) {
    if (!IP_LITERAL.matcher(name).matches() || !IP_LITERAL.matcher(host).matches()) {
      return false;
    }
    try {
      return InetAddress.getByName(name).equals(InetAddress.getByName(host));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean inCidr(String cidr, String host) {
    int slash = cidr.indexOf('/');
    String network = cidr.substring(0, slash);
    if (!IP_LITERAL.matcher(network).matches() || !IP_LITERAL.matcher(host).matches()) {
      return false;
    }
    try {
      byte[] net = InetAddress.getByName(network).getAddress();
      byte[] address = InetAddress.getByName(host).getAddress();
      int bits = Integer.parseInt(cidr.substring(slash + 1));
      if (net.length != address.length || bits < 0 || bits > net.length * 8) {
        return false;
      }
      int shift = net.length * 8 - bits;
      return new BigInteger(1, net).shiftRight(shift).equals(new BigInteger(1, address).shiftRight(shift));
    } catch (UnknownHostException | NumberFormatException e) {
      return false;
    }
  }
}
