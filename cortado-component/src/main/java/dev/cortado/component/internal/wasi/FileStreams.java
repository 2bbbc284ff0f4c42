package dev.cortado.component.internal.wasi;

import dev.cortado.wasi.internal.Abi;
import dev.cortado.wasi.internal.Errno;
import dev.cortado.wasi.internal.FileDescriptor;
import dev.cortado.wasi.internal.WasiContext;
import java.io.IOException;

/** The streams of a file descriptor ({@code read-via-stream}, {@code write-via-stream}, ...). */
final class FileStreams {
  private FileStreams() {}

  /** A file operation failed with an errno, which {@code filesystem-error-code} reports. */
  static final class Failed extends IOException {
    private static final long serialVersionUID = 1L;

    final int errorCode;

    Failed(Errno.Failure f) {
      super(f.getMessage());
      this.errorCode = ErrorCodes.of(f.errno());
    }
  }

  /** Reads {@code file} from {@code offset} on. */
  static Streams.Input reading(FileDescriptor file, long offset) {
    Descriptors.requireOpenFor(file, Abi.RIGHT_FD_READ);
    return new Streams.Input() {
      private long at = offset;

      @Override
      public int read(byte[] buf, int len, boolean block, WasiContext ctx) throws IOException {
        try {
          int n = file.pread(buf, 0, len, at);
          if (n == 0 && len > 0) {
            return -1;
          }
          at += n;
          return n;
        } catch (Errno.Failure f) {
          throw new Failed(f);
        }
      }

      @Override
      public boolean ready() {
        return true;
      }

      @Override
      public void close() {}
    };
  }

  /** Writes {@code file} from {@code offset} on, or at its end each time if {@code append}. */
  static Streams.Output writing(FileDescriptor file, long offset, boolean append) {
    Descriptors.requireOpenFor(file, Abi.RIGHT_FD_WRITE);
    return new Streams.Output() {
      private long at = offset;

      @Override
      public void write(byte[] bytes) throws IOException {
        try {
          long where = append ? file.size() : at;
          file.pwrite(bytes, 0, bytes.length, where);
          at = where + bytes.length;
        } catch (Errno.Failure f) {
          throw new Failed(f);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
