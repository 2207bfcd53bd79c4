package warta.fetch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import warta.article.FeedMetadata;
import warta.article.Published;
import warta.feed.FeedItem;
import warta.feed.FeedOutcome;
import warta.feed.FeedReader;

/**
 * One fetch of every source the operator lists: each feed by a conditional request, then the
 * page of every item not seen before, stored under the articles folder with the feed's words
 * beside it for ingestion. Sources of one host go one after another; hosts go side by side, so
 * a slow or failing source delays only its own host. A failing source backs off (doubling from
 * the first wait, capped) and is paused after too many failures in a row.
 */
public final class FetchRun {

  private static final Logger log = LoggerFactory.getLogger(FetchRun.class);
  private static final int MAX_HOSTS_SIDE_BY_SIDE = 16;

  /**
   * How much one run takes on.
   *
   * @param maxItemsPerSource the newest new items of one feed downloaded per run (the rest wait for later runs)
   * @param maxPageAttempts tries of one page, over runs, before it is given up
   * @param firstBackoff the wait after a source's first failure; each next one doubles
   * @param maxBackoff the longest wait between tries of a failing source
   * @param pauseAfter failures in a row that pause a source until the operator resumes it
   * @param keepPages how long downloaded pages stay in the articles folder once ingested (their
   *     articles stay in the store); {@link Duration#ZERO} keeps them for ever
   */
  public record Limits(long maxFeedBytes, long maxPageBytes, int maxItemsPerSource, int maxPageAttempts,
                       Duration firstBackoff, Duration maxBackoff, int pauseAfter, Duration keepPages) {

    public Limits {
      if (maxFeedBytes < 1 || maxPageBytes < 1 || maxItemsPerSource < 1 || maxPageAttempts < 1 || pauseAfter < 1) {
        throw new IllegalArgumentException("fetch limits must be positive: " + maxFeedBytes + ", " + maxPageBytes
            + ", " + maxItemsPerSource + ", " + maxPageAttempts + ", " + pauseAfter);
      }
      requireNonNull(firstBackoff, "firstBackoff");
      requireNonNull(maxBackoff, "maxBackoff");
      requireNonNull(keepPages, "keepPages");
    }

    /**
     * Feeds 5 MB, pages 10 MB, 30 new items a source, 3 tries a page, backoff 15 min doubling to
     * 24 h, pause after 10 failures, pages kept 30 days.
     */
    public static Limits defaults() {
      return new Limits(PoliteFetcher.MAX_FEED_BYTES, PoliteFetcher.MAX_PAGE_BYTES, 30, 3, Duration.ofMinutes(15),
          Duration.ofHours(24), 10, Duration.ofDays(30));
    }
  }

  private final Supplier<SourceList> sources;
  private final SourceStore store;
  private final PoliteFetcher fetcher;
  private final FeedReader feeds;
  private final PageFolder pages;
  private final Limits limits;
  private final Clock clock;

  /**
   * @param sources read at each run, so that the operator's edits apply without a restart
   * @param articlesDir where pages are stored, under {@code fetched/}
   */
  public FetchRun(Supplier<SourceList> sources, SourceStore store, PoliteFetcher fetcher, FeedReader feeds,
                  java.nio.file.Path articlesDir, Limits limits, Clock clock) {
    this.sources = sources;
    this.store = store;
    this.fetcher = fetcher;
    this.feeds = feeds;
    this.pages = new PageFolder(articlesDir, clock);
    this.limits = limits;
    this.clock = clock;
  }

  /** Fetches every source that is due (not backing off, not paused). */
  public FetchReport run() {
    SourceList list = sources.get();
    list.problems().forEach(p -> log.warn("Sources file: {}", p));
    return run(list.sources(), false);
  }

  /**
   * Fetches one source now, backing off or paused or not (the operator asked); a success ends
   * its pause.
   *
   * @throws IllegalArgumentException when the sources file does not list it
   */
  public FetchReport runOne(URI url) {
    SourceList list = sources.get();
    Source source = list.find(url).orElseThrow(() -> new IllegalArgumentException(
        url + " is not in the sources file (" + list.sources().size() + " sources listed)"));
    return run(List.of(source), true);
  }

  private FetchReport run(List<Source> sources, boolean evenIfWaiting) {
    Instant start = clock.instant();
    Tally tally = new Tally();
    Map<String, List<Source>> byHost = new LinkedHashMap<>();
    for (Source source : sources) {
      byHost.computeIfAbsent(source.host(), h -> new ArrayList<>()).add(source);
    }
    int threads = Math.max(1, Math.min(MAX_HOSTS_SIDE_BY_SIDE, byHost.size()));
    AtomicInteger number = new AtomicInteger();
    ExecutorService hosts = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "fetch-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> work = new ArrayList<>();
      for (List<Source> ofHost : byHost.values()) {
        work.add(hosts.submit(() -> ofHost.forEach(source -> fetchSafely(source, evenIfWaiting, tally))));
      }
      for (Future<?> done : work) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("Fetch interrupted; what was stored stays, the rest waits for the next run");
    } catch (ExecutionException e) {
      throw new IllegalStateException("a fetch task failed outside its own handling", e.getCause());
    } finally {
      hosts.shutdownNow();
    }
    if (!limits.keepPages().isZero()) {
      tally.pagesPruned.addAndGet(pages.prune(clock.instant().minus(limits.keepPages())));
    }
    FetchReport report = tally.report(sources.size(), Duration.between(start, clock.instant()));
    log.info(report.summary());
    return report;
  }

  private void fetchSafely(Source source, boolean evenIfWaiting, Tally tally) {
    try {
      fetch(source, evenIfWaiting, tally);
    } catch (RuntimeException e) {
      // A bug or a storage problem costs this source this run, never the others.
      log.error("Source {} (line {}) not fetched: {}", source.url(), source.line(), e.toString(), e);
      tally.failure(source.url() + ": " + e);
      tally.failedSources.incrementAndGet();
    }
  }

  private void fetch(Source source, boolean evenIfWaiting, Tally tally) {
    SourceState state = store.state(source.url());
    if (!evenIfWaiting && !state.dueAt(clock.instant())) {
      tally.waiting.incrementAndGet();
      log.debug("Source {} waits: {}", source.url(), state.pausedAt().isPresent() ? "paused" : "backing off until "
          + state.nextAttemptAt());
      return;
    }
    Fetched answer = fetcher.get(source.url(), state.validators(), limits.maxFeedBytes());
    if (answer instanceof Fetched.NotModified) {
      tally.notModified.incrementAndGet();
      store.answered(source.url(), state.validators(), 0, 0);
    } else if (answer instanceof Fetched.Disallowed disallowed) {
      failed(source, state, "robots.txt: " + disallowed.reason(), tally);
    } else if (answer instanceof Fetched.Failed failed) {
      failed(source, state, failed.reason(), tally);
    } else if (answer instanceof Fetched.Body body) {
      FeedOutcome read = feeds.read(body.bytes(), body.charset(), body.url());
      if (read instanceof FeedOutcome.Read feed) {
        tally.fetched.incrementAndGet();
        items(source, feed, body.validators(), tally);
      } else {
        failed(source, state, source.url() + ": " + ((FeedOutcome.Unreadable) read).reason(), tally);
      }
    }
  }

  /** Downloads the new items' pages; the feed's validators are kept only when nothing is left to retry. */
  private void items(Source source, FeedOutcome.Read feed, Validators validators, Tally tally) {
    Map<String, FeedItem> byLink = new LinkedHashMap<>();
    for (FeedItem item : feed.items()) {
      byLink.putIfAbsent(item.link(), item);
    }
    Set<String> settled = store.settled(byLink.keySet());
    List<FeedItem> fresh = new ArrayList<>(byLink.values().stream().filter(i -> !settled.contains(i.link())).toList());
    fresh.sort(Comparator.comparing((FeedItem i) -> i.published().map(Published::approximateInstant).orElse(Instant.MIN))
        .reversed());
    int left = Math.max(0, fresh.size() - limits.maxItemsPerSource());
    if (left > 0) {
      log.info("Source {}: {} new items; the {} newest now, the rest in later runs", source.url(), fresh.size(),
          limits.maxItemsPerSource());
      fresh = fresh.subList(0, limits.maxItemsPerSource());
    }
    int saved = 0;
    boolean retryLater = left > 0;
    for (FeedItem item : fresh) {
      tally.newItems.incrementAndGet();
      PageResult result = page(source, feed, item, tally);
      if (result == PageResult.SAVED) {
        saved++;
      } else if (result == PageResult.RETRY_LATER) {
        retryLater = true;
      }
    }
    tally.pagesSaved.addAndGet(saved);
    // With items still to fetch, the next request must not be answered "not modified".
    store.answered(source.url(), retryLater ? Validators.none() : validators, fresh.size(), saved);
    if (feed.skippedItems() > 0) {
      log.info("Source {}: {} items without a usable link skipped", source.url(), feed.skippedItems());
    }
  }

  private enum PageResult { SAVED, RETRY_LATER, GIVEN_UP }

  private PageResult page(Source source, FeedOutcome.Read feed, FeedItem item, Tally tally) {
    URI link = URI.create(item.link());
    Fetched answer = fetcher.get(link, Validators.none(), limits.maxPageBytes());
    if (answer instanceof Fetched.Disallowed disallowed) {
      log.info("Page {} not fetched: robots.txt: {}", link, disallowed.reason());
      store.disallowed(item.link(), source.url(), disallowed.reason());
      return PageResult.GIVEN_UP;
    }
    if (answer instanceof Fetched.Failed failed) {
      return pageFailed(source, item, failed.reason(), failed.retryable(), tally);
    }
    if (!(answer instanceof Fetched.Body body)) {
      return pageFailed(source, item, link + ": 304 to an unconditional request", true, tally);
    }
    if (!looksLikeAPage(body)) {
      return pageFailed(source, item, link + ": not a page (" + body.contentType().orElse("no content type") + ")",
          false, tally);
    }
    FeedMetadata words = new FeedMetadata(item.link(), item.title(), item.published(), item.summary(),
        source.name(), language(source, feed, item), source.section(), source.url().toString(),
        body.charset().map(Charset::name).orElse(""));
    try {
      String file = pages.save(link, body.bytes(), words);
      store.saved(item.link(), source.url(), file);
      return PageResult.SAVED;
    } catch (IOException e) {
      return pageFailed(source, item, link + ": not stored: " + e, true, tally);
    }
  }

  private PageResult pageFailed(Source source, FeedItem item, String reason, boolean retryable, Tally tally) {
    boolean givenUp = store.pageFailed(item.link(), source.url(), reason, retryable, limits.maxPageAttempts());
    log.warn("Page not fetched{}: {}", givenUp ? " (given up)" : " (tried again next run)", reason);
    tally.failedPages.incrementAndGet();
    tally.failure(reason);
    return givenUp ? PageResult.GIVEN_UP : PageResult.RETRY_LATER;
  }

  /** A failure of the source itself: backs off, doubling, and pauses after too many in a row. */
  private void failed(Source source, SourceState state, String reason, Tally tally) {
    int failures = state.failuresInARow() + 1;
    Duration wait = backoff(failures);
    boolean pause = failures >= limits.pauseAfter() && state.pausedAt().isEmpty();
    store.failed(source.url(), reason, clock.instant().plus(wait), pause);
    tally.failedSources.incrementAndGet();
    tally.failure(reason);
    if (pause) {
      log.warn("Source {} paused after {} failures in a row (last: {}); `warta fetch --source {}` tries it "
          + "again and resumes it when it answers", source.url(), failures, reason, source.url());
    } else {
      log.warn("Source {} failed ({} in a row; next try in {} min): {}", source.url(), failures,
          wait.toMinutes(), reason);
    }
  }

  private Duration backoff(int failures) {
    Duration wait = limits.firstBackoff().multipliedBy(1L << Math.min(failures - 1, 30));
    return wait.compareTo(limits.maxBackoff()) > 0 ? limits.maxBackoff() : wait;
  }

  private static boolean looksLikeAPage(Fetched.Body body) {
    String type = body.contentType().orElse("text/html");
    return type.contains("html") || type.startsWith("text/") || type.equals("application/octet-stream");
  }

  private static String language(Source source, FeedOutcome.Read feed, FeedItem item) {
    return !source.language().isEmpty() ? source.language() : !item.language().isEmpty() ? item.language()
        : feed.language();
  }

  /** Counts from the host threads. */
  private static final class Tally {
    final AtomicInteger fetched = new AtomicInteger();
    final AtomicInteger notModified = new AtomicInteger();
    final AtomicInteger waiting = new AtomicInteger();
    final AtomicInteger failedSources = new AtomicInteger();
    final AtomicInteger newItems = new AtomicInteger();
    final AtomicInteger pagesSaved = new AtomicInteger();
    final AtomicInteger failedPages = new AtomicInteger();
    final AtomicInteger pagesPruned = new AtomicInteger();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    void failure(String reason) {
      failures.add(reason);
    }

    FetchReport report(int sources, Duration took) {
      return new FetchReport(sources, fetched.get(), notModified.get(), waiting.get(), failedSources.get(),
          newItems.get(), pagesSaved.get(), failedPages.get(), pagesPruned.get(), failures, took);
    }
  }

}
