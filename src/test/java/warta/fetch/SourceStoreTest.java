package warta.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import warta.delivery.MutableClock;
import warta.storage.Database;

class SourceStoreTest {

  private static final URI FEED = URI.create("https://news.example/rss");
  private static final Instant T0 = Instant.parse("2026-11-28T06:00:00Z");

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(T0);
  private Database db;

  private SourceStore store() {
    db = Database.open(dir.resolve("warta.db"));
    return new SourceStore(db, clock);
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void aSourceNeverFetchedIsFreshAndDue() {
    SourceState state = store().state(FEED);

    assertEquals(SourceState.fresh(FEED), state);
    assertTrue(state.dueAt(T0));
  }

  @Test
  void validatorsAndCountsAreKeptAndAFailureRunEndsWithAnAnswer() {
    SourceStore store = store();
    store.failed(FEED, "503", T0.plus(Duration.ofMinutes(15)), false);
    clock.advance(Duration.ofMinutes(15));

    store.answered(FEED, new Validators(Optional.of("\"v1\""), Optional.of("Mon, 16 Jan 2024 07:05:00 GMT")), 3, 2);

    SourceState state = store.state(FEED);
    assertEquals(new Validators(Optional.of("\"v1\""), Optional.of("Mon, 16 Jan 2024 07:05:00 GMT")), state.validators());
    assertEquals(0, state.failuresInARow());
    assertEquals(3, state.itemsSeen());
    assertEquals(2, state.pagesSaved());
    assertEquals(Optional.of(clock.instant()), state.lastFetchedAt());
    assertEquals("503", state.lastError()); // kept for the operator, with its time
  }

  @Test
  void failuresCountUpAndAPauseHoldsUntilResumed() {
    SourceStore store = store();
    store.failed(FEED, "first", T0.plus(Duration.ofMinutes(15)), false);

    SourceState paused = store.failed(FEED, "second", T0.plus(Duration.ofMinutes(45)), true);

    assertEquals(2, paused.failuresInARow());
    assertEquals(Optional.of(T0), paused.pausedAt());
    assertFalse(paused.dueAt(T0.plus(Duration.ofDays(30))));
    assertTrue(store.resume(FEED));
    assertTrue(store.state(FEED).dueAt(T0));
    assertFalse(store.resume(URI.create("https://unknown.example/rss")));
    assertThat(store.states()).extracting(SourceState::url).containsExactly(FEED);
  }

  @Test
  void storedRefusedAndGivenUpItemsAreSettledAndAFailedOneIsNotYet() {
    SourceStore store = store();
    store.saved("https://news.example/a", FEED, "fetched/news.example/2026-11/a.html");
    store.disallowed("https://news.example/b", FEED, "robots.txt");
    boolean givenUpAtOnce = store.pageFailed("https://news.example/c", FEED, "404", false, 3);
    boolean givenUpFirst = store.pageFailed("https://news.example/d", FEED, "503", true, 2);

    assertEquals(Set.of("https://news.example/a", "https://news.example/b", "https://news.example/c"),
        store.settled(List.of("https://news.example/a", "https://news.example/b", "https://news.example/c",
            "https://news.example/d", "https://news.example/e")));
    assertTrue(givenUpAtOnce);
    assertFalse(givenUpFirst);
    assertTrue(store.pageFailed("https://news.example/d", FEED, "503", true, 2));
    assertThat(store.settled(List.of("https://news.example/d"))).containsExactly("https://news.example/d");
  }
}
