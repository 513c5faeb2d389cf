package dev.mimg.store.containerd;

import containerd.services.containers.v1.ContainersGrpc;
import containerd.services.content.v1.ContentGrpc;
import containerd.services.images.v1.ImagesGrpc;
import containerd.services.leases.v1.LeasesGrpc;
import containerd.services.namespaces.v1.NamespacesGrpc;
import containerd.services.snapshots.v1.SnapshotsGrpc;
import dev.mimg.model.Timeouts;
import dev.mimg.store.StoreException;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One gRPC channel to containerd's unix socket, every call in one namespace (the {@code containerd-namespace}
 * header), each bounded by the read timeout; failures become the store's one-line errors.
 */
final class ContainerdClient implements AutoCloseable {

  /** Netty's own warnings (an unused socket option on unix sockets) would break the CLI's one-line errors. */
  private static final String NETTY = "io.grpc.netty.shaded.io.netty.";

  private static final java.util.logging.Logger NETTY_LOG = quiet("io.grpc.netty.shaded.io.netty");

  static {
    // Netty's allocator emits JFR events unless told not to (their classes cost ~60 ms at the first call), and
    // samples buffers for leaks: a one-shot listing needs neither
    System.setProperty(NETTY + "jfr.enabled", System.getProperty(NETTY + "jfr.enabled", "false"));
    System.setProperty(NETTY + "leakDetection.level", System.getProperty(NETTY + "leakDetection.level", "disabled"));
  }

  private static final Metadata.Key<String> NAMESPACE_HEADER =
      Metadata.Key.of("containerd-namespace", Metadata.ASCII_STRING_MARSHALLER);

  private final Path socket;
  private final String namespace;
  private final Timeouts timeouts;
  private ManagedChannel channel;
  private Channel namespaced;
  private volatile boolean answered;

  ContainerdClient(Path socket, String namespace, Timeouts timeouts) {
    this.socket = socket;
    this.namespace = namespace;
    this.timeouts = timeouts;
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.OFF);
    return logger;
  }

  Path socket() {
    return socket;
  }

  String namespace() {
    return namespace;
  }

  /** The channel, opened on first use after checking that the socket exists and that this process may use it. */
  private synchronized Channel channel() {
    if (channel == null) {
      if (!Files.exists(socket)) {
        throw ContainerdErrors.noSocket(socket);
      }
      if (!Files.isReadable(socket) || !Files.isWritable(socket)) {
        throw ContainerdErrors.permissionDenied(socket, null);
      }
      channel = Grpc.newChannelBuilder("unix://" + socket.toAbsolutePath(), InsecureChannelCredentials.create())
          .maxInboundMessageSize(64 << 20).directExecutor().build();
      Metadata headers = new Metadata();
      headers.put(NAMESPACE_HEADER, namespace);
      namespaced = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    return namespaced;
  }

  /** The channel without the namespace header (namespace listing). */
  private synchronized Channel bare() {
    channel();
    return channel;
  }

  ImagesGrpc.ImagesBlockingStub images() {
    return bounded(ImagesGrpc.newBlockingStub(channel()));
  }

  /** The images service of another namespace (to tell which namespaces hold images). */
  ImagesGrpc.ImagesBlockingStub imagesIn(String otherNamespace) {
    Metadata headers = new Metadata();
    headers.put(NAMESPACE_HEADER, otherNamespace);
    return bounded(ImagesGrpc.newBlockingStub(bare()).withInterceptors(
        MetadataUtils.newAttachHeadersInterceptor(headers)));
  }

  ContentGrpc.ContentBlockingStub content() {
    return bounded(ContentGrpc.newBlockingStub(channel()));
  }

  ContentGrpc.ContentStub contentAsync() {
    return bounded(ContentGrpc.newStub(channel()));
  }

  SnapshotsGrpc.SnapshotsBlockingStub snapshots() {
    return bounded(SnapshotsGrpc.newBlockingStub(channel()));
  }

  SnapshotsGrpc.SnapshotsStub snapshotsAsync() {
    return bounded(SnapshotsGrpc.newStub(channel()));
  }

  ContainersGrpc.ContainersBlockingStub containers() {
    return bounded(ContainersGrpc.newBlockingStub(channel()));
  }

  LeasesGrpc.LeasesBlockingStub leases() {
    return bounded(LeasesGrpc.newBlockingStub(channel()));
  }

  NamespacesGrpc.NamespacesBlockingStub namespaces() {
    return bounded(NamespacesGrpc.newBlockingStub(bare()));
  }

  private <S extends AbstractStub<S>> S bounded(S stub) {
    long millis = timeouts.read().toMillis();
    return millis == 0 ? stub : stub.withDeadlineAfter(millis, TimeUnit.MILLISECONDS);
  }

  /** Runs one call; its failure becomes a one-line {@link StoreException} saying {@code what} failed. */
  <T> T call(String what, Supplier<T> call) {
    try {
      T answer = call.get();
      answered = true;
      return answer;
    } catch (StatusRuntimeException e) {
      throw failure(what, e);
    }
  }

  /** The one-line error for a failed call. */
  StoreException failure(String what, StatusRuntimeException e) {
    List<String> causes = new ArrayList<>();
    for (Throwable t = e.getCause(); t != null && causes.size() < 5; t = t.getCause()) {
      causes.add(String.valueOf(t.getMessage()));
    }
    return ContainerdErrors.call(socket, what, e.getStatus().getCode().name(), e.getStatus().getDescription(), causes,
        answered, e);
  }

  /** True when the failure is containerd's "not found" (content, image or snapshot absent). */
  static boolean notFound(Throwable e) {
    return e instanceof StatusRuntimeException s && s.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND
        || e instanceof StoreException && e.getCause() != null && notFound(e.getCause());
  }

  void markAnswered() {
    answered = true;
  }

  @Override
  public synchronized void close() {
    if (channel != null) {
      channel.shutdownNow();
      try {
        channel.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
