package dev.cortado.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One command run in this JVM through {@link Main#run}, its two streams captured.
 *
 * @param status the exit status
 * @param out standard output
 * @param err standard error
 */
record InProcess(int status, String out, String err) {
  static InProcess run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new InProcess(status, out.toString(), err.toString());
  }
}
