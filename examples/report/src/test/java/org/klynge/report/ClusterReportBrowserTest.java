package org.klynge.report;

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
import java.util.Locale;
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
 * Renders a package's report in headless Chromium: at 1400 and 390 px wide (the page must not
 * scroll sideways at 390 px, and chart text must stay at least 11 px), printed to PDF (A4 pages, a
 * handful of them), with the Danish formats in the rendered DOM. Screenshots at both widths are
 * kept in {@code target/report-screenshots} for a person to look at. Where {@code /usr/bin/chromium}
 * is missing the test is skipped, with the reason.
 */
class ClusterReportBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 120;
  private static final Path SHOTS = Path.of("target", "report-screenshots");

  /** A4 in PDF points (1/72 inch): 210 × 297 mm. */
  private static final double A4_WIDTH = 595.28;
  private static final double A4_HEIGHT = 841.89;

  /**
   * A page that shows the report in a frame of the given width and writes the frame's scroll
   * width, its viewport's width and the smallest chart text as drawn into the DOM. Headless
   * Chromium does not make windows narrower than 500 px, so a phone's 390 px is a frame; its
   * document comes from {@code srcdoc}, so that the script may read it.
   */
  private static String framed(String report, int width, int height, boolean measure) {
    String script = measure ? """
        <script>
        const f = document.getElementById('f');
        f.addEventListener('load', () => {
          const d = f.contentDocument;
          let min = 1e9;
          d.querySelectorAll('svg.funnel-plot text, svg.run-chart text').forEach(t => {
            const size = parseFloat(f.contentWindow.getComputedStyle(t).fontSize) * t.closest('svg').getScreenCTM().a;
            min = Math.min(min, size);
          });
          const p = document.createElement('pre');
          p.id = 'measure';
          p.textContent = 'scrollWidth=' + d.documentElement.scrollWidth + ' innerWidth=' + f.contentWindow.innerWidth
              + ' minChartText=' + min.toFixed(2) + ' lang=' + d.documentElement.lang;
          document.body.appendChild(p);
          const copy = document.createElement('div');
          copy.id = 'copy';
          copy.innerHTML = d.body.innerHTML;
          document.body.appendChild(copy);
        });
        </script>
        """ : "";
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0}iframe{border:0;display:block}"
        + "</style></head><body><iframe id=\"f\" width=\"" + width + "\" height=\"" + height + "\" srcdoc=\""
        + report.replace("&", "&amp;").replace("\"", "&quot;") + "\"></iframe>" + script + "</body></html>";
  }

  private static Optional<String> unavailable = Optional.empty();

  @BeforeAll
  static void chromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      unavailable = Optional.of(CHROMIUM + " is missing (install it with: apt-get install -y chromium)");
    }
  }

  private static List<String> chromium(Path profile) {
    return new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--user-data-dir=" + profile));
  }

  private static Path report(Path dir, String name, String html) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, html, StandardCharsets.UTF_8);
    return file;
  }

  private static String danishReport() {
    ReportFixture.Input in = ReportFixture.input();
    return ClusterReport.render(in.published(), in.definitions(), in.pkg(), in.recipient(), Locale.forLanguageTag("da"));
  }

  @Test
  void phoneWidth_noSidewaysScroll_chartTextReadable_danishFormats(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> "skipped: " + unavailable.orElse(""));
    String html = danishReport();
    for (int width : new int[] {390, 1400}) {
      Path measured = report(dir, "measured-" + width + ".html", framed(html, width, 900, true));
      List<String> cmd = chromium(Files.createDirectories(dir.resolve("profile-" + width)));
      cmd.addAll(List.of("--window-size=" + Math.max(width, 500) + ",900", "--virtual-time-budget=5000", "--dump-dom",
          measured.toUri().toString()));
      String dom = run(cmd);
      Matcher m = Pattern.compile("scrollWidth=(\\d+) innerWidth=(\\d+) minChartText=([\\d.]+) lang=(\\w+)").matcher(dom);
      assertTrue(m.find(), "the measurement is in the DOM: " + head(dom));
      int scroll = Integer.parseInt(m.group(1));
      int inner = Integer.parseInt(m.group(2));
      double text = Double.parseDouble(m.group(3));
      System.out.println("[ClusterReportBrowserTest] at " + width + " px: " + m.group());
      assertEquals(width, inner, "the viewport is the frame's width");
      assertTrue(scroll <= inner, "no sideways scroll of the page at " + width + " px: " + m.group());
      assertTrue(text >= 11, "chart text at least 11 px at " + width + " px: " + m.group());
      // the Danish formats, as rendered
      assertEquals("da", m.group(4));
      String copy = dom.substring(dom.indexOf("<div id=\"copy\">"));
      assertTrue(copy.contains(">80,0<"), "decimal comma");
      assertTrue(copy.contains("møde 27. feb. 2024"), "Danish date");
      assertTrue(Pattern.compile(">1\\.\\d{3}<").matcher(copy).find(), "thousands point");
    }
  }

  @Test
  void screenshots_at1400And390_showTheCharts(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> "skipped: " + unavailable.orElse(""));
    String html = danishReport();
    Files.createDirectories(SHOTS);
    for (int[] size : new int[][] {{1400, 2600}, {390, 5600}}) {
      Path page = report(dir, "report-" + size[0] + ".html", size[0] < 500 ? framed(html, size[0], size[1], false) : html);
      Path shot = SHOTS.resolve("report-" + size[0] + ".png").toAbsolutePath();
      List<String> cmd = chromium(Files.createDirectories(dir.resolve("profile-" + size[0])));
      cmd.addAll(List.of("--screenshot=" + shot, "--window-size=" + Math.max(500, size[0]) + "," + size[1],
          page.toUri().toString()));
      run(cmd);
      BufferedImage image = ImageIO.read(shot.toFile());
      assertEquals(Math.max(500, size[0]), image.getWidth());
      long ownColour = 0;
      for (int y = 0; y < image.getHeight(); y += 2) {
        for (int x = 0; x < image.getWidth(); x += 2) {
          int rgb = image.getRGB(x, y) & 0xffffff;
          // the own clinic's orange (#c2410c), in the funnel point and the run chart's line
          if (Math.abs((rgb >> 16) - 0xc2) < 30 && Math.abs(((rgb >> 8) & 0xff) - 0x41) < 30
              && Math.abs((rgb & 0xff) - 0x0c) < 30) {
            ownColour++;
          }
        }
      }
      assertTrue(ownColour > 50, "the charts are drawn at " + size[0] + " px (own clinic's colour seen " + ownColour + " times)");
      System.out.println("[ClusterReportBrowserTest] screenshot " + shot);
    }
  }

  @Test
  void printToPdf_a4Pages_aHandfulOfThem(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> "skipped: " + unavailable.orElse(""));
    Path page = report(dir, "report.html", danishReport());
    Path pdf = dir.resolve("report.pdf");
    List<String> cmd = chromium(Files.createDirectories(dir.resolve("profile")));
    cmd.addAll(List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf, page.toUri().toString()));
    run(cmd);
    String bytes = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    assertTrue(bytes.startsWith("%PDF-"), "a PDF");
    Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*]").matcher(bytes);
    int pages = 0;
    while (box.find()) {
      pages++;
      double w = Double.parseDouble(box.group(1));
      double h = Double.parseDouble(box.group(2));
      assertTrue(Math.abs(w - A4_WIDTH) < 2 && Math.abs(h - A4_HEIGHT) < 2, "an A4 page, not " + w + " × " + h);
    }
    long typed = Pattern.compile("/Type\\s*/Page(?!s)").matcher(bytes).results().count();
    System.out.println("[ClusterReportBrowserTest] " + pages + " A4 pages in " + pdf);
    assertTrue(pages >= 1, "pages with a MediaBox");
    assertEquals(typed, pages, "every page has its own A4 MediaBox");
    assertTrue(pages <= 5, "one package with one indicator prints on a handful of pages, not " + pages);
  }

  private static String head(String s) {
    return s.length() > 500 ? s.substring(0, 500) + " …" : s;
  }

  /** Runs a command and returns its standard output; its standard error goes to a file, so it cannot block. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    File out = File.createTempFile("klynge-browser", ".out");
    File err = File.createTempFile("klynge-browser", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return Files.readString(out.toPath(), StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out.toPath());
      Files.deleteIfExists(err.toPath());
    }
  }
}
