package dev.mimg.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Following the distribution API's Link headers: relative and absolute, never to another host. */
class PagedListTest {

  private static final URI PAGE = URI.create("http://127.0.0.1:5123/v2/_catalog?n=2");

  @Test
  void theNextPageIsResolvedAgainstThePage() {
    assertThat(PagedList.next(PAGE, Optional.of("</v2/_catalog?last=b&n=2>; rel=\"next\""), "s"))
        .isEqualTo(URI.create("http://127.0.0.1:5123/v2/_catalog?last=b&n=2"));
    assertThat(PagedList.next(PAGE, Optional.of("<http://127.0.0.1:5123/v2/x/tags/list?last=1>; rel=next"), "s"))
        .isEqualTo(URI.create("http://127.0.0.1:5123/v2/x/tags/list?last=1"));
    assertThat(PagedList.next(PAGE, Optional.of("</a>; rel=\"prev\", </b>; rel=\"next\""), "s"))
        .isEqualTo(URI.create("http://127.0.0.1:5123/b"));
  }

  @Test
  void noLinkOrNoNextEndsTheList() {
    assertThat(PagedList.next(PAGE, Optional.empty(), "s")).isNull();
    assertThat(PagedList.next(PAGE, Optional.of("</v2/_catalog?last=a>; rel=\"prev\""), "s")).isNull();
    assertThat(PagedList.next(PAGE, Optional.of("garbage"), "s")).isNull();
  }

  @Test
  void aNextPageOnAnotherHostIsRefused() {
    assertThatThrownBy(() -> PagedList.next(PAGE, Optional.of("<http://evil.example/v2/_catalog>; rel=\"next\""),
        "the catalog of 127.0.0.1:5123")).isInstanceOf(RegistryException.class)
        .hasMessage("the catalog of 127.0.0.1:5123: the registry's next page is on another host: "
            + "http://evil.example/v2/_catalog");
  }
}
