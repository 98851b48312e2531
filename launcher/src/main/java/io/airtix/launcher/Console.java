package io.airtix.launcher;

import java.io.PrintStream;
import java.time.Duration;

/** The launcher's voice: short progress lines for a person watching the terminal. */
public final class Console {

  private final PrintStream out;
  private final boolean interactive;

  public Console(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  public static Console system() {
    return new Console(System.out, System.console() != null);
  }

  public void step(String message) {
    out.println("  " + message);
  }

  public void warn(String message) {
    out.println("  ! " + message);
  }

  public void println(String line) {
    out.println(line);
  }

  /**
   * A progress bar that redraws itself in a terminal; elsewhere (a log file, a CI job) it prints a
   * line every quarter so the output stays readable.
   */
  public Progress progress(String label) {
    return new Progress(label);
  }

  public static String seconds(Duration duration) {
    return String.format("%.1f s", duration.toMillis() / 1000.0);
  }

  public final class Progress {

    private static final int WIDTH = 30;
    private final String label;
    private int shown = -1;

    private Progress(String label) {
      this.label = label;
    }

    public synchronized void update(int percent) {
      if (percent == shown) {
        return;
      }
      if (interactive) {
        int filled = percent * WIDTH / 100;
        out.print(
            "\r  "
                + label
                + " ["
                + "#".repeat(filled)
                + " ".repeat(WIDTH - filled)
                + "] "
                + percent
                + "%");
        if (percent == 100) {
          out.println();
        }
        out.flush();
      } else if (percent / 25 > shown / 25 || shown < 0) {
        out.println("  " + label + " " + percent + "%");
      }
      shown = percent;
    }
  }
}
