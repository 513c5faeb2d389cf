package dev.mimg.registry;

import dev.mimg.model.Json;
import dev.mimg.model.JsonErrors;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of the distribution API ({@code tags/list}, {@code _catalog}) read page after page, as each answer's
 * {@code Link: <...>; rel="next"} header leads (never to another host), each page bounded in size.
 */
final class PagedList {

  /** How many entries one page asks for ({@code ?n=}); a registry may send fewer. */
  static final int PAGE_SIZE = 1000;
  private static final int MAX_PAGES = 100_000;
  private static final int MAX_PAGE_BYTES = 16 << 20;
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;([^,]*)");
  private static final Pattern REL_NEXT = Pattern.compile("(?i)\\brel\\s*=\\s*\"?next\"?");

  private PagedList() {
  }

  /** The strings under {@code member} of every page from {@code first} on, {@code get} answering each page. */
  static List<String> read(URI first, String member, Function<URI, HttpResponse<InputStream>> get, String subject) {
    List<String> all = new ArrayList<>();
    for (Json item : items(first, member, get, subject)) {
      if (!item.isTextual()) {
        throw new RegistryException(subject + ": the registry's \"" + member + "\" holds a non-string");
      }
      all.add(item.asText());
    }
    return all;
  }

  /** The elements under {@code member} of every page from {@code first} on, {@code get} answering each page. */
  static List<Json> items(URI first, String member, Function<URI, HttpResponse<InputStream>> get, String subject) {
    List<Json> all = new ArrayList<>();
    Set<URI> seen = new HashSet<>();
    for (URI page = first; page != null; ) {
      if (!seen.add(page) || seen.size() > MAX_PAGES) {
        throw new RegistryException(subject + ": the registry's pages do not end (it leads to " + page + " again)");
      }
      HttpResponse<InputStream> response = get.apply(page);
      Json items = body(response, subject).path(member);
      if (!items.isMissing() && !items.isNull() && !items.isArray()) {
        throw new RegistryException(subject + ": the registry's answer has no list \"" + member + "\"");
      }
      items.forEach(all::add);
      page = next(page, response.headers().firstValue("Link"), subject);
    }
    return all;
  }

  /** The page a Link header's rel="next" names, resolved against {@code page}; null when there is none. */
  static URI next(URI page, Optional<String> link, String subject) {
    if (link.isEmpty()) {
      return null;
    }
    Matcher target = LINK.matcher(link.get());
    while (target.find()) {
      if (REL_NEXT.matcher(target.group(2)).find()) {
        URI next;
        try {
          next = page.resolve(target.group(1).strip());
        } catch (IllegalArgumentException e) {
          throw new RegistryException(subject + ": the registry's next page is no URL: " + target.group(1));
        }
        if (!page.getScheme().equals(next.getScheme()) || !page.getRawAuthority().equals(next.getRawAuthority())) {
          throw new RegistryException(subject + ": the registry's next page is on another host: " + next);
        }
        return next;
      }
    }
    return null;
  }

  private static Json body(HttpResponse<InputStream> response, String subject) {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_PAGE_BYTES + 1);
      if (bytes.length > MAX_PAGE_BYTES) {
        throw new RegistryException(subject + ": a page of the list is larger than " + MAX_PAGE_BYTES + " bytes");
      }
      return Json.parse(bytes);
    } catch (IOException e) {
      throw new RegistryException(subject + ": the list could not be read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(subject + ": the registry's list is not JSON: " + JsonErrors.oneLine(e), e);
    }
  }
}
