package warta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch, sources and health end to end: a sources file naming a local site, a real database and folder. */
class FetchCommandsTest {

  private static final String LEAD = "Leaders from across East Africa met in Nairobi on Tuesday to agree on a joint "
      + "security mission, officials said after the talks ended late in the evening.";

  @TempDir
  Path dir;

  private final MockWebServer site = new MockWebServer();
  private volatile boolean siteDown;
  private StringWriter out;
  private StringWriter err;
  private String feed;

  @BeforeEach
  void settings() throws Exception {
    site.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (siteDown) {
          return new MockResponse().setResponseCode(500);
        }
        return switch (request.getPath()) {
          case "/world.xml" -> new MockResponse().setBody("<rss version=\"2.0\"><channel><title>World</title><item>"
              + "<title>Leaders meet in Nairobi</title><link>" + site.url("/summit") + "</link>"
              + "<pubDate>Tue, 16 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>");
          case "/summit" -> new MockResponse().setBody("<html lang=\"en\"><body><article><h1>Leaders meet in Nairobi"
              + "</h1><p>" + LEAD + "</p><p>" + LEAD + "</p></article></body></html>");
          default -> new MockResponse().setResponseCode(404);
        };
      }
    });
    site.start();
    feed = site.url("/world.xml").toString();
    Path sources = Files.writeString(dir.resolve("sources.txt"), "# test\n" + feed + " lang=en name=\"Local News\"\n");
    System.setProperty("database.path", dir.resolve("warta.db").toString());
    System.setProperty("articles.dir", Files.createDirectories(dir.resolve("articles")).toString());
    System.setProperty("sources.file", sources.toString());
    System.setProperty("fetch.host-delay-seconds", "0");
    System.setProperty("warta.config", dir.resolve("no-such.properties").toString());
  }

  @AfterEach
  void clear() throws Exception {
    for (String key : new String[] {"database.path", "articles.dir", "sources.file", "fetch.host-delay-seconds",
        "warta.config"}) {
      System.clearProperty(key);
    }
    site.shutdown();
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Cli.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void fetchStoresAndIngestsNewPagesAndSourcesShowsHowEachSourceIsDoing() {
    assertEquals(0, run("fetch"));
    assertThat(out.toString()).startsWith("fetch: 1 sources (1 fetched, 0 not modified, 0 waiting, 0 failed), "
        + "1 new items, 1 pages saved, 0 pages failed").contains("ingest: 1 scanned, 1 new");

    assertEquals(0, run("latest"));
    assertThat(out.toString()).startsWith("1. Leaders meet in Nairobi\n   2024-01-16");

    assertEquals(0, run("sources"));
    assertThat(out.toString()).contains(feed + " (Local News): ok, fetched").contains("1 items, 1 pages saved");
  }

  @Test
  void aFailingSourceShowsInSourcesAndHealthAndAFetchWhereAllFailedExitsOne() {
    siteDown = true;

    assertEquals(1, run("fetch"));
    assertThat(out.toString()).contains("1 failed").contains("failed: " + feed + ": ").contains("500");

    assertEquals(1, run("sources"));
    assertThat(out.toString()).contains(feed + " (Local News): FAILING, 1 in a row");
    run("health");
    assertThat(out.toString()).contains("sources: 1 listed, 1 failing, 0 paused").contains("last fetch: ");
  }

  @Test
  void aSourceNotInTheFileIsBadUsage() {
    assertEquals(2, run("fetch", "--source", "https://elsewhere.example/rss"));
    assertThat(err.toString()).contains("https://elsewhere.example/rss is not in the sources file");
    assertEquals(2, run("sources", "--resume", "https://elsewhere.example/rss"));
  }
}
