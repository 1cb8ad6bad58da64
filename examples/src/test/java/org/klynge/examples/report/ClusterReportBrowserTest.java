package org.klynge.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the cluster report in headless Chromium and checks that the charts are in the rendered
 * DOM and that a screenshot shows them. Where Chromium is missing, the set-up installs it with
 * {@code apt-get install -y chromium} when running as root on a system with apt-get; only where
 * that is impossible or fails is the test skipped, with the reason.
 */
class ClusterReportBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long INSTALL_TIMEOUT_SECONDS = 300;
  private static final long RENDER_TIMEOUT_SECONDS = 120;

  private static Optional<String> unavailable = Optional.empty();

  @BeforeAll
  static void chromium() throws Exception {
    if (Files.isExecutable(CHROMIUM)) {
      return;
    }
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      unavailable = Optional.of(CHROMIUM + " is missing and there is no apt-get to install it with");
      return;
    }
    if (!"0".equals(run(List.of("id", "-u"), 10).trim())) {
      unavailable = Optional.of(CHROMIUM + " is missing and installing it with apt-get needs root");
      return;
    }
    System.out.println("[ClusterReportBrowserTest] " + CHROMIUM + " is missing: running apt-get install -y chromium"
        + " (timeout " + INSTALL_TIMEOUT_SECONDS + " s)");
    boolean ok = install();
    if (!ok) {
      System.out.println("[ClusterReportBrowserTest] apt-get install failed: running apt-get update and trying again");
      exitCode(List.of("apt-get", "-o", "Acquire::http::Timeout=30", "-o", "Acquire::Retries=1", "update"), INSTALL_TIMEOUT_SECONDS);
      ok = install();
    }
    System.out.println("[ClusterReportBrowserTest] chromium " + (ok && Files.isExecutable(CHROMIUM) ? "installed" : "could not be installed"));
    if (!Files.isExecutable(CHROMIUM)) {
      unavailable = Optional.of("chromium could not be installed with apt-get (see the log above)");
    }
  }

  private static boolean install() throws IOException, InterruptedException {
    return exitCode(List.of("apt-get", "-o", "Acquire::http::Timeout=30", "-o", "Acquire::Retries=1", "install", "-y",
        "chromium"), INSTALL_TIMEOUT_SECONDS) == 0;
  }

  @Test
  void rendersChartsAndAScreenshot(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> "skipped: " + unavailable.orElse(""));
    Path report = dir.resolve("report.html");
    ClusterReport.write(ReportFixture.input(), report);
    Path profile = Files.createDirectories(dir.resolve("profile"));
    List<String> flags = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--user-data-dir=" + profile);

    List<String> dump = new ArrayList<>(flags);
    dump.addAll(List.of("--dump-dom", report.toUri().toString()));
    String dom = run(dump, RENDER_TIMEOUT_SECONDS);
    assertTrue(dom.contains("<h1>"), "the rendered DOM has the report: " + head(dom));
    String funnel = element(dom, "<svg class=\"funnel-plot\"");
    assertTrue(count(funnel, "<circle class=\"clinic") >= 2, funnel);
    assertEquals(4, count(funnel, "<path class=\"limit "), funnel);
    Matcher d = Pattern.compile("<path class=\"limit[^\"]*\" d=\"([^\"]*)\"").matcher(funnel);
    while (d.find()) {
      assertTrue(d.group(1).length() > 50, "a non-empty limit path");
    }
    String run = element(dom, "<svg class=\"run-chart\"");
    assertTrue(count(run, "<circle class=\"point\"") >= 30, run);
    assertTrue(run.contains("class=\"meeting-line\""), run);

    Path shot = dir.resolve("report.png");
    List<String> screenshot = new ArrayList<>(flags);
    screenshot.addAll(List.of("--screenshot=" + shot, "--window-size=1200,3000", report.toUri().toString()));
    run(screenshot, RENDER_TIMEOUT_SECONDS);
    assertTrue(Files.size(shot) > 10_000, "a screenshot of some size: " + Files.size(shot) + " bytes");
    BufferedImage image = ImageIO.read(shot.toFile());
    assertEquals(1200, image.getWidth());
    long dark = 0;
    long ownColour = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        int r = rgb >> 16;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r + g + b < 300) {
          dark++;
        }
        // the own clinic's orange (#c2410c), in the funnel point and the run chart's line
        if (Math.abs(r - 0xc2) < 30 && Math.abs(g - 0x41) < 30 && Math.abs(b - 0x0c) < 30) {
          ownColour++;
        }
      }
    }
    assertTrue(dark > 2_000, "the screenshot is not blank: " + dark + " dark samples");
    assertTrue(ownColour > 50, "the charts are drawn (own clinic's colour seen " + ownColour + " times)");
    System.out.println("[ClusterReportBrowserTest] screenshot " + shot + ": " + dark + " dark samples, "
        + ownColour + " in the own clinic's colour");
  }

  private static String element(String dom, String start) {
    int a = dom.indexOf(start);
    assertTrue(a >= 0, "no " + start + " in the rendered DOM");
    int b = dom.indexOf("</svg>", a);
    assertTrue(b > a, "unterminated " + start);
    return dom.substring(a, b);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  private static String head(String s) {
    return s.length() > 500 ? s.substring(0, 500) + " …" : s;
  }

  /** Runs a command and returns its standard output; its standard error goes to a file, so it cannot block. */
  private static String run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
    File out = File.createTempFile("klynge-browser", ".out");
    File err = File.createTempFile("klynge-browser", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command.get(0) + " did not finish within " + timeoutSeconds + " s");
      }
      return Files.readString(out.toPath(), StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out.toPath());
      Files.deleteIfExists(err.toPath());
    }
  }

  private static int exitCode(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      System.out.println("[ClusterReportBrowserTest] " + String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
      return -1;
    }
    return p.exitValue();
  }
}
