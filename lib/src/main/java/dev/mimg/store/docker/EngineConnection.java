package dev.mimg.store.docker;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** One byte stream to an engine that HTTP/1.1 is spoken over: a unix socket, or ssh running dial-stdio. */
interface EngineConnection extends Closeable {

  /** The bytes the engine sends. */
  InputStream input();

  /** Where the request goes. */
  OutputStream output();

  /** Opens one connection. */
  @FunctionalInterface
  interface Opener {
    /** A new connection, within the connect timeout. */
    EngineConnection open() throws IOException;
  }
}
