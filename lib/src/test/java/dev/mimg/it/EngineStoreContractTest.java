package dev.mimg.it;

import dev.mimg.bed.BedTest;
import dev.mimg.bed.Bed;
import dev.mimg.store.ImageStore;
import dev.mimg.store.docker.DockerEngineStore;
import java.util.List;

/** The store contract on the bed's Docker engine (containerd image store); the engine's own API is the witness. */
@BedTest
class EngineStoreContractTest extends StoreContract {

  @Override
  ImageStore openStore() {
    return DockerEngineStore.connect(Bed.snap());
  }

  @Override
  String backend() {
    return "engine";
  }

  @Override
  List<String> presentByTheBackend(String ref) {
    return EngineState.available(EngineState.summary(ref));
  }

  @Override
  void cleanUp(String labelPrefix) {
    EngineState.removeLabelled(labelPrefix);
  }
}
