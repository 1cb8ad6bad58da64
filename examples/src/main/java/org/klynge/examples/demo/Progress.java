package org.klynge.examples.demo;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints a step's name and how long it took, so the user sees progress on long steps. */
public final class Progress {

  /** A step that may throw. */
  public interface Step<T, E extends Exception> {
    T run() throws E;
  }

  private Progress() {}

  /** Runs {@code step}, printing {@code name … done (n.n s)}. */
  public static <T, E extends Exception> T step(PrintWriter out, String name, Step<T, E> step) throws E {
    out.print(name + " … ");
    out.flush();
    long start = System.nanoTime();
    T result = step.run();
    out.println(String.format(Locale.ROOT, "done (%.1f s)", (System.nanoTime() - start) / 1e9));
    out.flush();
    return result;
  }
}
