package warta.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Measures the two ways to read feeds this project could take: {@link FeedReader} on jsoup's
 * lenient XML parser, and Rome 2.1.0 (SAX and JDOM, strict XML). It reads every fixture with both
 * and prints, per fixture, the items and dates each found beside what the expected twin wants,
 * then the time each takes for a generated 10,000-item feed. Not a test (surefire runs
 * {@code *Test} only): run its {@code main} by hand with the test classpath after
 * {@code mvn test-compile}.
 *
 * <p>Rome's items are the entries it returned, with a usable link or not, and without dropping a
 * repeated link; "allowed" is Rome with {@code setAllowDoctypes(true)}. Printed on 2 shared cores,
 * OpenJDK 17.0.15, jsoup 1.24.1:
 * <pre>
 * fixture                             want        jsoup       rome        rome     rome's error
 *                                     items dates items dates items dates allowed
 * atom-relative-links.xml                 4     3     4     3     5     4       5
 * doctype.xml                             2     0     2     0     0     0       2  DOCTYPE is disallowed
 * entities-and-cdata.xml                  3     2     3     2     3     2       3
 * iso-8859-1.xml                          2     2     2     2     2     2       2
 * links-relative-duplicate-spaced.xml     2     0     2     0     6     0       6
 * rss1-rdf.xml                            2     2     2     2     2     2       2
 * rss2-english.xml                        3     3     3     3     3     3       3
 * rss2-indonesian.xml                     5     4     5     4     5     0       5
 * truncated-atom.xml                      2     2     2     2     0     0       0  XML document structures must...
 * truncated.xml                           2     2     2     2     0     0       0  XML document structures must...
 * utf16-bom.xml                           1     1     1     1     1     1       1
 * utf8-bom.xml                            1     1     1     1     1     1       1
 * rejected/ (HTML page, JSON Feed,     none        none        0     0       0  an exception each
 *   OPML, plain text)
 * generated, 10,000 items, 2.7 MB     10000 10000 10000 10000 10000     0
 *
 * time per 10,000-item feed (median of 7 interleaved runs after 3 warm-ups):
 * jsoup FeedReader 214 ms (its XML parse alone 29 ms), Rome 523 ms
 * </pre>
 * Rome loses both truncated feeds whole, rejects the DOCTYPE unless allowed, reads no Indonesian
 * date ({@code Selasa, 16 Jan 2024 14:05:00 +0700}), and is about 2.4 times slower; so the
 * reader uses jsoup, and Rome is a test-scope dependency for this class only.
 */
public final class FeedParserComparison {

  private static final int BIG_ITEMS = 10_000;
  private static final int WARMUPS = 3;
  private static final int RUNS = 7;

  private FeedParserComparison() {}

  public static void main(String[] args) throws Exception {
    Path fixtures = FeedReaderTest.fixtures();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> feeds = FeedReaderTest.feeds()) {
      feeds.forEach(files::add);
    }
    try (Stream<Path> rejected = Files.list(fixtures.resolve("rejected"))) {
      rejected.sorted().forEach(files::add);
    }
    FeedReader jsoup = new FeedReader();
    String row = "%-38s | %5s %5s | %5s %5s | %5s %5s | %7s | %s%n";
    System.out.printf(row, "fixture", "want", "", "jsoup", "", "rome", "", "rome", "");
    System.out.printf(row, "", "items", "dates", "items", "dates", "items", "dates", "allowed",
        "rome's error (and jsoup's reason)");
    for (Path file : files) {
      byte[] body = Files.readAllBytes(file);
      FeedOutcome outcome = jsoup.read(body, Optional.empty(), FeedReaderTest.FEED_URL);
      Rome rome = Rome.read(body, false);
      Rome allowed = Rome.read(body, true);
      String name = fixtures.relativize(file).toString();
      List<String> wanted = wanted(file);
      String wantItems = wanted.isEmpty() ? "none" : String.valueOf(count(wanted, "link: "));
      String wantDates = wanted.isEmpty() ? "-" : String.valueOf(count(wanted, "published: 2"));
      if (outcome instanceof FeedOutcome.Read read) {
        long dates = read.items().stream().filter(i -> i.published().isPresent()).count();
        System.out.printf(row, name, wantItems, wantDates, read.items().size(), dates,
            rome.items(), rome.dates(), allowed.items(), rome.error());
      } else {
        System.out.printf(row, name, wantItems, wantDates, "none", "-", rome.items(),
            rome.dates(), allowed.items(),
            rome.error() + " (jsoup: " + ((FeedOutcome.Unreadable) outcome).reason() + ")");
      }
    }
    byte[] big = FeedReaderTest.bigRss(BIG_ITEMS).getBytes(StandardCharsets.UTF_8);
    FeedOutcome.Read read = (FeedOutcome.Read) jsoup.read(big, Optional.empty(),
        FeedReaderTest.FEED_URL);
    Rome rome = Rome.read(big, false);
    long bigDates = read.items().stream().filter(i -> i.published().isPresent()).count();
    System.out.printf(row, "generated, " + BIG_ITEMS + " items, " + big.length / 1024 + " KB",
        BIG_ITEMS, BIG_ITEMS, read.items().size(), bigDates, rome.items(), rome.dates(), "",
        rome.error());
    String text = new String(big, StandardCharsets.UTF_8);
    double[] millis = medianMillis(
        () -> jsoup.read(big, Optional.empty(), FeedReaderTest.FEED_URL),
        () -> Rome.read(big, false),
        () -> Jsoup.parse(text, "", Parser.xmlParser().setTrackPosition(true)));
    System.out.printf(Locale.ROOT, "time per %d-item feed, median of %d interleaved runs after %d"
        + " warm-ups: jsoup FeedReader %.0f ms (its XML parse alone %.0f ms), Rome %.0f ms%n",
        BIG_ITEMS, RUNS, WARMUPS, millis[0], millis[2], millis[1]);
  }

  /** The expected twin's lines, or none for a file in {@code rejected/}. */
  private static List<String> wanted(Path file) throws IOException {
    String name = file.getFileName().toString();
    Path twin = file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.txt");
    return Files.exists(twin) ? Files.readAllLines(twin, StandardCharsets.UTF_8) : List.of();
  }

  private static long count(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).count();
  }

  /** The median time of each reading, run in turn so a busy machine slows all alike. */
  private static double[] medianMillis(Runnable... reads) {
    double[][] millis = new double[reads.length][RUNS];
    for (int run = -WARMUPS; run < RUNS; run++) {
      for (int r = 0; r < reads.length; r++) {
        long start = System.nanoTime();
        reads[r].run();
        if (run >= 0) {
          millis[r][run] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    double[] medians = new double[reads.length];
    for (int r = 0; r < reads.length; r++) {
      Arrays.sort(millis[r]);
      medians[r] = millis[r][RUNS / 2];
    }
    return medians;
  }

  /** What Rome made of a body: entries, entries with a date, and its error if it gave up. */
  private record Rome(int items, int dates, String error) {

    static Rome read(byte[] body, boolean allowDoctypes) {
      try {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(allowDoctypes);
        SyndFeed feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
        int dates = 0;
        for (SyndEntry entry : feed.getEntries()) {
          if (entry.getPublishedDate() != null || entry.getUpdatedDate() != null) {
            dates++;
          }
        }
        return new Rome(feed.getEntries().size(), dates, "");
      } catch (Exception e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return new Rome(0, 0, e.getClass().getSimpleName() + ": "
            + (message.length() > 70 ? message.substring(0, 70) + "…" : message));
      }
    }
  }
}
