package dev.mimg.registry;

import dev.mimg.model.Descriptor;
import dev.mimg.model.Digest;
import dev.mimg.model.InvalidInputException;
import dev.mimg.model.Json;
import dev.mimg.model.MediaTypes;
import dev.mimg.model.OciDocuments;
import dev.mimg.model.Reference;
import dev.mimg.model.Timeouts;
import dev.mimg.model.VerifyingStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads manifests and blobs from OCI distribution registries: anonymous first, then Basic or Bearer token auth as
 * the registry asks, with credentials from the docker config; TLS except for loopback and listed insecure
 * registries; proxies from the environment; retries on 429, 5xx and connection failures (waits of more than a
 * second told to the notice sink); connect and read timeouts from the environment; every byte verified.
 */
public final class RegistryClient implements AutoCloseable {

  /** The manifest media types asked for, indexes first. */
  static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST,
      MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);
  private static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

  private final HttpTransport transport;
  private final InsecureRegistries insecure;
  private final Authorizer authorizer;
  private final RegistryErrors errors;

  private RegistryClient(Builder builder) {
    Map<String, String> env = builder.env;
    CredentialSource credentials = builder.credentials != null ? builder.credentials
        : DockerConfigCredentials.fromEnvironment(env);
    Timeouts timeouts = builder.timeouts != null ? builder.timeouts : Timeouts.fromEnvironment(env);
    HttpConnections http = new HttpConnections(timeouts, builder.proxy != null ? builder.proxy
        : new EnvironmentProxySelector(env));
    this.transport = new HttpTransport(http, builder.retry, builder.notices);
    this.insecure = InsecureRegistries.of(builder.insecure, env);
    this.errors = new RegistryErrors(credentials);
    Clock clock = Clock.systemUTC();
    this.authorizer = new Authorizer(credentials, new TokenClient(transport, insecure, errors, clock), errors, clock);
  }

  /** A client configured from the process environment (DOCKER_CONFIG, proxies, MIMG_INSECURE_REGISTRIES, timeouts). */
  public static RegistryClient fromEnvironment() {
    return builder().build();
  }

  /** A builder starting from the process environment. */
  public static Builder builder() {
    return new Builder();
  }

  /** The manifest or index {@code reference} names (by digest when it has one, else by tag), verified. */
  public Fetched manifest(Reference reference) {
    String subject = reference.familiarString();
    Optional<Digest> pinned = reference.digest();
    String version = pinned.map(Digest::toString).orElseGet(() -> reference.tag().orElse(Reference.DEFAULT_TAG));
    return fetchManifest(reference, version, pinned, subject);
  }

  /** The manifest or index {@code digest} in {@code repository} (its tag, if any, is ignored), verified. */
  public Fetched manifest(Reference repository, Digest digest) {
    return fetchManifest(repository, digest.toString(), Optional.of(digest), blobSubject(repository, digest));
  }

  /**
   * The blob {@code descriptor} names, streamed; reading to the end throws an IOException on a size or digest
   * mismatch.
   */
  public InputStream blob(Reference repository, Descriptor descriptor) {
    return fetchBlob(repository, descriptor.digest(), descriptor.size());
  }

  /**
   * The blob {@code descriptor} names, streamed as the registry sends it, for a caller that checks digest and
   * size itself before anything becomes visible (an OCI layout's {@code putBlob}): hashing every byte twice
   * would double the work of a pull.
   */
  public InputStream blobVerifiedByCaller(Reference repository, Descriptor descriptor) {
    String subject = blobSubject(repository, descriptor.digest());
    return get(repository, "blobs/" + descriptor.digest(), Map.of(), subject).body();
  }

  private InputStream fetchBlob(Reference repository, Digest digest, long size) {
    String subject = blobSubject(repository, digest);
    HttpResponse<InputStream> response = get(repository, "blobs/" + digest, Map.of(), subject);
    return new VerifyingStream(response.body(), digest, size, subject, "the registry");
  }

  private Fetched fetchManifest(Reference repository, String version, Optional<Digest> pinned, String subject) {
    HttpResponse<InputStream> response = get(repository, "manifests/" + version, Map.of("Accept", ACCEPT), subject);
    byte[] bytes = readManifest(response, subject);
    String algorithm = pinned.map(Digest::algorithm).orElse(Digest.SHA256);
    Digest actual = Digest.of(algorithm, bytes);
    if (pinned.isPresent() && !pinned.get().equals(actual)) {
      throw new RegistryException(subject + ": the registry sent a manifest with digest " + actual
          + ", not the requested "
          + pinned.get());
    }
    Optional<Digest> announced = announcedDigest(response, subject);
    if (announced.isPresent() && !announced.get().equals(Digest.of(announced.get().algorithm(), bytes))) {
      throw new RegistryException(subject + ": the manifest's bytes do not match the Docker-Content-Digest "
          + announced.get() + " the registry announced (got " + Digest.of(announced.get().algorithm(), bytes) + ")");
    }
    return new Fetched(bytes, ManifestMediaType.of(response, bytes), actual);
  }

  /**
   * The digest the manifest {@code reference} names has now, asked with a HEAD (the manifest itself is not sent);
   * empty when the registry does not say (no Docker-Content-Digest). The caller verifies whatever it reads by it.
   */
  public Optional<Digest> digest(Reference reference) {
    String subject = reference.familiarString();
    String version = reference.digest().map(Digest::toString).orElseGet(() -> reference.tag()
        .orElse(Reference.DEFAULT_TAG));
    URI uri = RegistryHost.apiRoot(reference.domain(), insecure.allowsPlainHttp(reference.domain()))
        .resolve(reference.path() + "/manifests/" + version);
    HttpResponse<InputStream> response = send("HEAD", reference.domain(), uri,
        "repository:" + reference.path() + ":pull", Map.of("Accept", ACCEPT), subject,
        "while asking for the digest of " + subject);
    HttpTransport.discard(response);
    return announcedDigest(response, subject);
  }

  /**
   * Every tag of {@code repository} (its tag or digest ignored), in the registry's order, page by page as its
   * {@code Link} headers lead; an empty list for a repository without tags.
   */
  public List<String> tags(Reference repository) {
    return tags(repository, PagedList.PAGE_SIZE);
  }

  /** {@link #tags(Reference)}, {@code pageSize} tags a page. */
  List<String> tags(Reference repository, int pageSize) {
    String subject = repository.familiarName();
    URI root = RegistryHost.apiRoot(repository.domain(), insecure.allowsPlainHttp(repository.domain()));
    return PagedList.read(root.resolve(repository.path() + "/tags/list?n=" + pageSize), "tags",
        page -> send(repository.domain(), page, "repository:" + repository.path() + ":pull", Map.of(), subject,
            "while listing the tags of " + subject), subject);
  }

  /**
   * The referrers of {@code subject} in {@code repository} (manifests whose {@code subject} it is: signatures,
   * SBOMs, attestations) as the OCI 1.1 referrers API lists them, every page; empty where the registry has no such
   * API (it answers 404, as the distribution registry 2.8 does: use the referrers tag schema there).
   */
  public Optional<List<Descriptor>> referrers(Reference repository, Digest subject) {
    String what = "the referrers of " + blobSubject(repository, subject);
    URI first = uri(repository, "referrers/" + subject);
    try {
      return Optional.of(PagedList.items(first, "manifests", page -> send(repository.domain(), page,
          "repository:" + repository.path() + ":pull", Map.of("Accept", MediaTypes.OCI_INDEX), what,
          "while listing " + what), what).stream().map(item -> referrer(item, what)).toList());
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Descriptor referrer(Json item, String what) {
    try {
      return OciDocuments.descriptor(item);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(what + ": the registry listed an unreadable descriptor: " + e.getMessage(), e);
    }
  }

  /**
   * Every repository the registry at {@code domain} lists (the catalog API, page by page); one clear error where
   * the registry does not offer its catalog (the repositories must then be named).
   */
  public List<String> catalog(String domain) {
    return catalog(domain, PagedList.PAGE_SIZE);
  }

  /** {@link #catalog(String)}, {@code pageSize} repositories a page. */
  List<String> catalog(String domain, int pageSize) {
    String subject = "the catalog of " + domain;
    URI root = RegistryHost.apiRoot(domain, insecure.allowsPlainHttp(domain));
    try {
      return PagedList.read(root.resolve("_catalog?n=" + pageSize), "repositories",
          page -> send(domain, page, "registry:catalog:*", Map.of(), subject, "while listing " + subject), subject);
    } catch (RegistryException e) {
      if (e.status() == 404 || e.status() == 401 || e.status() == 403) {
        throw new RegistryException(domain + " does not list its repositories to this client (" + e.getMessage()
            + "): name the repositories instead", e.status());
      }
      throw e;
    }
  }

  /**
   * Puts a manifest or index under {@code target}'s tag (or its digest); returns the digest of the bytes, which the
   * registry's own answer (Docker-Content-Digest), when it gives one, must equal.
   */
  public Digest putManifest(Reference target, byte[] bytes, String mediaType) {
    String subject = target.familiarString();
    String version = target.digest().map(Digest::toString).orElseGet(() -> target.tag().orElse(Reference.DEFAULT_TAG));
    Digest digest = Digest.of(Digest.SHA256, bytes);
    HttpResponse<InputStream> response = send(new RegistryRequest("PUT", uri(target, "manifests/" + version),
        Map.of("Content-Type", mediaType), RegistryRequest.Body.of(bytes)), target.domain(),
        push(target), subject, "while pushing the manifest " + subject);
    HttpTransport.discard(response);
    Optional<Digest> stored = announcedDigest(response, subject);
    if (stored.isPresent() && !stored.get().equals(digest)) {
      throw new RegistryException(subject + ": the registry stored the manifest as " + stored.get() + ", not as "
          + digest);
    }
    return digest;
  }

  /** Deletes the manifest {@code digest} from {@code repository}; every tag that names it goes with it. */
  public void deleteManifest(Reference repository, Digest digest) {
    String subject = blobSubject(repository, digest);
    HttpTransport.discard(send(new RegistryRequest("DELETE", uri(repository, "manifests/" + digest), Map.of(), null),
        repository.domain(), "repository:" + repository.path() + ":delete", subject, "while deleting " + subject));
  }

  /**
   * Whether the registry deletes a single tag (the OCI distribution spec's tag deletion): asked by deleting a tag
   * that cannot exist, which a registry that deletes tags answers 404 and one that deletes by digest only (the
   * distribution registry 2.8) answers 400 or 405. Nothing is deleted either way.
   */
  public boolean deletesTags(Reference repository) {
    String probe = "mimg-probe-" + Long.toHexString(System.nanoTime());
    try {
      HttpTransport.discard(send(new RegistryRequest("DELETE", uri(repository, "manifests/" + probe), Map.of(),
          null), repository.domain(), "repository:" + repository.path() + ":delete", repository.familiarName(),
          "while asking whether " + repository.domain() + " deletes tags"));
      return true;
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return true;
      }
      if (e.status() == 400 || e.status() == 405) {
        return false;
      }
      throw e;
    }
  }

  /** Deletes one tag (only where {@link #deletesTags} says the registry can). */
  public void deleteTag(Reference tag) {
    String subject = tag.familiarString();
    HttpTransport.discard(send(new RegistryRequest("DELETE", uri(tag, "manifests/" + tag.tag().orElseThrow()),
        Map.of(), null), tag.domain(), "repository:" + tag.path() + ":delete", subject, "while deleting " + subject));
  }

  /** Whether {@code repository} holds the blob {@code digest} (a HEAD). */
  public boolean hasBlob(Reference repository, Digest digest) {
    String subject = blobSubject(repository, digest);
    try {
      HttpTransport.discard(send(new RegistryRequest("HEAD", uri(repository, "blobs/" + digest), Map.of(), null),
          repository.domain(), push(repository), subject, "while asking for " + subject));
      return true;
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Mounts the blob {@code digest} from {@code source} (another repository of the same registry) into
   * {@code repository}, nothing sent; false when the registry did not mount it (an upload session it opened
   * instead is cancelled), and the blob must then be uploaded.
   */
  public boolean mountBlob(Reference repository, Digest digest, Reference source) {
    String subject = blobSubject(repository, digest);
    HttpResponse<InputStream> response = send(new RegistryRequest("POST", uri(repository, "blobs/uploads/?mount="
        + digest + "&from=" + source.path()), Map.of(), RegistryRequest.Body.EMPTY), repository.domain(),
        push(repository), subject, "while mounting " + subject);
    HttpTransport.discard(response);
    if (response.statusCode() == 201) {
      return true;
    }
    response.headers().firstValue("Location").ifPresent(location -> {
      try {
        HttpTransport.discard(send(new RegistryRequest("DELETE", response.uri().resolve(location), Map.of(), null),
            repository.domain(), push(repository), subject, "while cancelling an upload of " + subject));
      } catch (RegistryException ignored) {
        // an abandoned upload session expires on its own
      }
    });
    return false;
  }

  /**
   * Uploads a blob in one request, streamed from {@code content} (opened again for a retry); the registry checks
   * the digest, and refuses a blob whose bytes do not match it.
   */
  public void uploadBlob(Reference repository, Descriptor blob, Supplier<InputStream> content) {
    String subject = blobSubject(repository, blob.digest());
    HttpResponse<InputStream> started = send(new RegistryRequest("POST", uri(repository, "blobs/uploads/"), Map.of(),
        RegistryRequest.Body.EMPTY), repository.domain(), push(repository), subject,
        "while starting the upload of " + subject);
    HttpTransport.discard(started);
    String location = started.headers().firstValue("Location").orElseThrow(() -> new RegistryException(subject
        + ": the registry started an upload without saying where (no Location)"));
    URI session = started.uri().resolve(location);
    URI put = URI.create(session + (session.getRawQuery() == null ? "?" : "&") + "digest=" + blob.digest());
    HttpTransport.discard(send(new RegistryRequest("PUT", put, Map.of("Content-Type", "application/octet-stream"),
        RegistryRequest.Body.streamed(content, blob.size())), repository.domain(), push(repository),
        subject, "while uploading " + subject));
  }

  private URI uri(Reference repository, String suffix) {
    return RegistryHost.apiRoot(repository.domain(), insecure.allowsPlainHttp(repository.domain()))
        .resolve(repository.path() + "/" + suffix);
  }

  private static String push(Reference repository) {
    return "repository:" + repository.path() + ":pull,push";
  }

  private HttpResponse<InputStream> get(Reference repository, String suffix, Map<String, String> headers,
      String subject) {
    String domain = repository.domain();
    URI uri = RegistryHost.apiRoot(domain, insecure.allowsPlainHttp(domain)).resolve(repository.path() + "/" + suffix);
    String scope = "repository:" + repository.path() + ":pull";
    String doing = "while fetching " + (suffix.startsWith("manifests/") ? "manifest " : "blob ") + subject;
    return send(domain, uri, scope, headers, subject, doing);
  }

  /** One GET, authorized for {@code scope} (answering a 401 challenge once); a non-2xx answer is an exception. */
  private HttpResponse<InputStream> send(String domain, URI uri, String scope, Map<String, String> headers,
      String subject, String doing) {
    return send("GET", domain, uri, scope, headers, subject, doing);
  }

  private HttpResponse<InputStream> send(String method, String domain, URI uri, String scope,
      Map<String, String> headers, String subject, String doing) {
    return send(new RegistryRequest(method, uri, headers, null), domain, scope, subject, doing);
  }

  private HttpResponse<InputStream> send(RegistryRequest request, String domain, String scope, String subject,
      String doing) {
    Optional<String> authorization = authorizer.known(domain, scope, subject);
    HttpResponse<InputStream> response = transport.send(withAuthorization(request, authorization), subject,
        "the registry", doing);
    if (response.statusCode() == 401) {
      List<AuthChallenge> challenges = AuthChallenge.parse(response.headers().allValues("WWW-Authenticate"));
      HttpTransport.discard(response);
      authorization = Optional.of(authorizer.answer(domain, scope, challenges, subject));
      response = transport.send(withAuthorization(request, authorization), subject, "the registry", doing);
    }
    if (response.statusCode() / 100 != 2) {
      throw errors.forStatus(response, subject, domain, authorization.isPresent() && authorizer.hasLogin(domain));
    }
    return response;
  }

  private static RegistryRequest withAuthorization(RegistryRequest request, Optional<String> authorization) {
    return authorization.map(value -> request.withHeader("Authorization", value)).orElse(request);
  }

  private static byte[] readManifest(HttpResponse<InputStream> response, String subject) {
    try (InputStream body = response.body()) {
      byte[] bytes = body.readNBytes(MAX_MANIFEST_BYTES + 1);
      if (bytes.length > MAX_MANIFEST_BYTES) {
        throw new RegistryException(subject + ": the manifest is larger than " + MAX_MANIFEST_BYTES + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new RegistryException(subject + ": the manifest could not be read: " + e.getMessage(), e);
    }
  }

  private static Optional<Digest> announcedDigest(HttpResponse<InputStream> response, String subject) {
    Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
    try {
      return header.map(String::strip).map(Digest::parse);
    } catch (InvalidInputException e) {
      throw new RegistryException(subject + ": the registry sent an invalid Docker-Content-Digest: " + e.getMessage());
    }
  }

  private static String blobSubject(Reference repository, Digest digest) {
    return repository.familiarName() + "@" + digest;
  }

  /** Nothing to release: idle connections stay in the JDK's keep-alive cache, which runs no thread of ours. */
  @Override
  public void close() {
    // see above
  }

  /** Options of a {@link RegistryClient}; unset ones come from the environment. */
  public static final class Builder {
    private Map<String, String> env = System.getenv();
    private CredentialSource credentials;
    private final List<String> insecure = new ArrayList<>();
    private ProxySelector proxy;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private Timeouts timeouts;
    private Consumer<String> notices = notice -> System.err.println("mimg: notice: " + notice);

    private Builder() {
    }

    /** The environment to read DOCKER_CONFIG, proxy variables, MIMG_INSECURE_REGISTRIES and timeouts from. */
    public Builder environment(Map<String, String> environment) {
      this.env = Map.copyOf(environment);
      return this;
    }

    /** Where logins come from (default: the docker config of the environment). */
    public Builder credentials(CredentialSource source) {
      this.credentials = source;
      return this;
    }

    /** Registries ({@code host} or {@code host:port}) that may be reached in plain HTTP, besides loopback ones. */
    public Builder insecureRegistries(Collection<String> registries) {
      this.insecure.addAll(registries);
      return this;
    }

    /** The proxy selector (default: HTTP(S)_PROXY and NO_PROXY of the environment). */
    public Builder proxy(ProxySelector selector) {
      this.proxy = selector;
      return this;
    }

    /** {@code attempts} in all on 429, 5xx and connection errors, the first wait {@code firstDelay}, then doubling. */
    public Builder retries(int attempts, Duration firstDelay) {
      this.retry = new RetryPolicy(attempts, firstDelay, RetryPolicy.DEFAULT.maxDelay());
      return this;
    }

    /**
     * How long to wait for a connection and for the next byte of an answer (default: MIMG_*_TIMEOUT of the
     * environment).
     */
    public Builder timeouts(Timeouts value) {
      this.timeouts = value;
      return this;
    }

    /** Where notices go, such as a wait before a retry (default: standard error, as {@code mimg: notice: ...}). */
    public Builder notices(Consumer<String> sink) {
      this.notices = sink;
      return this;
    }

    /** The client. */
    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }
}
