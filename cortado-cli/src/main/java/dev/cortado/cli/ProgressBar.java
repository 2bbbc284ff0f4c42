package dev.cortado.cli;

import dev.cortado.oci.Progress;
import java.io.PrintWriter;

/**
 * A one-line progress bar on standard error for transfers of large blobs, drawn only when standard
 * error is a terminal (a log file gets the summary line alone).
 */
final class ProgressBar implements Progress {
  /** Transfers smaller than this finish too fast for a bar to help. */
  private static final long LARGE = 1024 * 1024;

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String verb;
  private int drawn = -1;

  private ProgressBar(PrintWriter err, String verb) {
    this.err = err;
    this.verb = verb;
  }

  /** Returns a bar, or a silent listener when standard error is not a terminal. */
  static Progress on(PrintWriter err, String verb) {
    return OciSupport.isTerminal() ? new ProgressBar(err, verb) : Progress.none();
  }

  @Override
  public void update(String what, long done, long total) {
    if (total < LARGE) {
      return;
    }
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent == drawn) {
      return;
    }
    drawn = percent;
    int filled = percent * WIDTH / 100;
    String name = what.length() > 19 ? what.substring(0, 19) : what;
    err.print(
        "\r"
            + verb
            + " "
            + name
            + " ["
            + "#".repeat(filled)
            + " ".repeat(WIDTH - filled)
            + "] "
            + percent
            + "% of "
            + OciSupport.size(total));
    if (percent == 100) {
      err.println();
    }
    err.flush();
  }
}
