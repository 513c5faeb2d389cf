package dev.mimg.cli;

import com.google.protobuf.ByteString;
import containerd.services.containers.v1.ContainersGrpc;
import containerd.services.containers.v1.ContainersOuterClass;
import containerd.services.content.v1.ContentGrpc;
import containerd.services.content.v1.ContentOuterClass;
import containerd.services.images.v1.ImagesGrpc;
import containerd.services.images.v1.ImagesOuterClass;
import containerd.services.namespaces.v1.NamespaceOuterClass;
import containerd.services.namespaces.v1.NamespacesGrpc;
import containerd.services.snapshots.v1.SnapshotsGrpc;
import containerd.services.snapshots.v1.SnapshotsOuterClass;
import containerd.types.DescriptorOuterClass;
import dev.mimg.model.Digest;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The containerd of the launcher's training run (not a test, not a containerd): answers the calls a listing makes
 * (namespaces, images, content list and reads, snapshots and their usage, containers) with one canned two-platform
 * image, one platform present, on a unix socket, so that the startup archive holds the gRPC, Netty and protobuf
 * classes a real {@code --store containerd:} listing loads.
 */
final class CannedContainerd implements AutoCloseable {

  private static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
  private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
  private static final String SNAPSHOTTER = "native";

  private final Map<String, byte[]> blobs = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> labels = new LinkedHashMap<>();
  private final String chain;
  private final DescriptorOuterClass.Descriptor target;
  private final EpollEventLoopGroup loop = new EpollEventLoopGroup(1);
  private final Server server;

  /** Serves on {@code socket} (daemon threads) until closed. */
  CannedContainerd(Path socket) throws IOException {
    byte[] layer = new byte[4096];
    String diffId = Digest.sha256Of(layer).toString();
    chain = diffId;
    byte[] config = utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2024-01-01T00:00:00Z\","
        + "\"config\":{\"Labels\":{\"a\":\"b\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}");
    byte[] manifest = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\",\"config\":"
        + descriptor("application/vnd.oci.image.config.v1+json", config, "") + ",\"layers\":["
        + descriptor("application/vnd.oci.image.layer.v1.tar", layer, "") + "]}");
    String absent = "sha256:" + "0".repeat(63) + "1";
    byte[] index = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + INDEX_TYPE + "\",\"manifests\":["
        + descriptor(MANIFEST_TYPE, manifest, ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}")
        + ",{\"mediaType\":\"" + MANIFEST_TYPE + "\",\"digest\":\"" + absent + "\",\"size\":403,"
        + "\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"}}]}");
    add(index, Map.of("containerd.io/gc.ref.content.m.0", Digest.sha256Of(manifest).toString()));
    add(manifest, Map.of("containerd.io/gc.ref.content.config", Digest.sha256Of(config).toString()));
    add(config, Map.of("containerd.io/gc.ref.snapshot." + SNAPSHOTTER, chain));
    add(layer, Map.of("containerd.io/uncompressed", diffId));
    target = DescriptorOuterClass.Descriptor.newBuilder().setMediaType(INDEX_TYPE)
        .setDigest(Digest.sha256Of(index).toString()).setSize(index.length).build();
    server = NettyServerBuilder.forAddress(new DomainSocketAddress(socket.toString()))
        .channelType(EpollServerDomainSocketChannel.class).bossEventLoopGroup(loop).workerEventLoopGroup(loop)
        .addService(new Namespaces()).addService(new Images()).addService(new Content())
        .addService(new Snapshots()).addService(new Containers()).build().start();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
    loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
  }

  private void add(byte[] blob, Map<String, String> blobLabels) {
    blobs.put(Digest.sha256Of(blob).toString(), blob);
    labels.put(Digest.sha256Of(blob).toString(), blobLabels);
  }

  private static String descriptor(String mediaType, byte[] content, String more) {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + Digest.sha256Of(content) + "\",\"size\":"
        + content.length + more + "}";
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static <T> void answer(StreamObserver<T> observer, T message) {
    observer.onNext(message);
    observer.onCompleted();
  }

  private static final class Namespaces extends NamespacesGrpc.NamespacesImplBase {
    @Override
    public void list(NamespaceOuterClass.ListNamespacesRequest request,
        StreamObserver<NamespaceOuterClass.ListNamespacesResponse> observer) {
      answer(observer, NamespaceOuterClass.ListNamespacesResponse.newBuilder()
          .addNamespaces(NamespaceOuterClass.Namespace.newBuilder().setName("moby"))
          .addNamespaces(NamespaceOuterClass.Namespace.newBuilder().setName("k8s.io")).build());
    }
  }

  private final class Images extends ImagesGrpc.ImagesImplBase {
    @Override
    public void list(ImagesOuterClass.ListImagesRequest request,
        StreamObserver<ImagesOuterClass.ListImagesResponse> observer) {
      answer(observer, ImagesOuterClass.ListImagesResponse.newBuilder()
          .addImages(ImagesOuterClass.Image.newBuilder().setName("example.com/training/ctrd:1").setTarget(target))
          .addImages(ImagesOuterClass.Image.newBuilder().setName("example.com/training/ctrd@" + target.getDigest())
              .setTarget(target).putLabels("io.cri-containerd.image", "managed")).build());
    }
  }

  private final class Content extends ContentGrpc.ContentImplBase {
    @Override
    public void list(ContentOuterClass.ListContentRequest request,
        StreamObserver<ContentOuterClass.ListContentResponse> observer) {
      ContentOuterClass.ListContentResponse.Builder answer = ContentOuterClass.ListContentResponse.newBuilder();
      blobs.forEach((digest, blob) -> answer.addInfo(ContentOuterClass.Info.newBuilder().setDigest(digest)
          .setSize(blob.length).putAllLabels(labels.get(digest))));
      answer(observer, answer.build());
    }

    @Override
    public void read(ContentOuterClass.ReadContentRequest request,
        StreamObserver<ContentOuterClass.ReadContentResponse> observer) {
      byte[] blob = blobs.get(request.getDigest());
      if (blob == null) {
        observer.onError(io.grpc.Status.NOT_FOUND.withDescription("content digest " + request.getDigest())
            .asRuntimeException());
        return;
      }
      answer(observer, ContentOuterClass.ReadContentResponse.newBuilder().setData(ByteString.copyFrom(blob)).build());
    }
  }

  private final class Snapshots extends SnapshotsGrpc.SnapshotsImplBase {
    @Override
    public void list(SnapshotsOuterClass.ListSnapshotsRequest request,
        StreamObserver<SnapshotsOuterClass.ListSnapshotsResponse> observer) {
      answer(observer, SnapshotsOuterClass.ListSnapshotsResponse.newBuilder().addInfo(SnapshotsOuterClass.Info
          .newBuilder().setName(chain).setKind(SnapshotsOuterClass.Kind.COMMITTED)).build());
    }

    @Override
    public void usage(SnapshotsOuterClass.UsageRequest request,
        StreamObserver<SnapshotsOuterClass.UsageResponse> observer) {
      answer(observer, SnapshotsOuterClass.UsageResponse.newBuilder().setSize(8192).setInodes(3).build());
    }
  }

  private static final class Containers extends ContainersGrpc.ContainersImplBase {
    @Override
    public void list(ContainersOuterClass.ListContainersRequest request,
        StreamObserver<ContainersOuterClass.ListContainersResponse> observer) {
      answer(observer, ContainersOuterClass.ListContainersResponse.getDefaultInstance());
    }
  }
}
