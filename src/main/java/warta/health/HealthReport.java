package warta.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import warta.subscriber.Subscriber;

/**
 * The bot at a glance for its operator: the last ingestion and delivery runs, how many articles
 * and readers it has, and what failed lately.
 *
 * @param lastFetch the last fetch of the news sources
 * @param sources the news sources and which of them fail
 * @param deliveryBacklog digests recorded but not yet completely sent (waiting, interrupted or failed)
 * @param failures failed job runs of the last day, newest first
 */
public record HealthReport(Instant at, Optional<JobHistory.Run> lastIngest, Optional<JobHistory.Run> lastDelivery,
                           Optional<JobHistory.Run> lastFetch, Sources sources, int deliveryBacklog, long articles, Map<Subscriber.Status, Integer> subscribers,
                           List<JobHistory.Run> failures) {

  /**
   * The news sources at a glance.
   *
   * @param listed sources in the operator's file
   * @param failing of those, failing now (backing off or paused)
   * @param paused of those, paused after too many failures in a row
   * @param failingLines one line per failing source: what, since when, the last error
   */
  public record Sources(int listed, int failing, int paused, List<String> failingLines) {
    public Sources {
      failingLines = List.copyOf(failingLines);
    }
  }

  public HealthReport {
    subscribers = Map.copyOf(subscribers);
    failures = List.copyOf(failures);
  }

  /** Healthy: the last ingestion finished well, and recently enough for its schedule to be running. */
  public boolean healthy(Duration staleAfter) {
    return lastIngest.flatMap(JobHistory.Run::outcome).filter("ok"::equals).isPresent()
        && lastIngest.get().startedAt().isAfter(at.minus(staleAfter));
  }

  /** Lines for a terminal or a chat. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("last ingest: " + describe(lastIngest));
    lines.add("last delivery: " + describe(lastDelivery));
    lines.add("delivery backlog: " + deliveryBacklog);
    lines.add("last fetch: " + describe(lastFetch));
    lines.add("sources: " + sources.listed() + " listed, " + sources.failing() + " failing, " + sources.paused()
        + " paused");
    sources.failingLines().forEach(line -> lines.add("  " + line));
    lines.add("articles: " + articles);
    lines.add("subscribers: " + subscribers.getOrDefault(Subscriber.Status.ACTIVE, 0) + " active, "
        + subscribers.getOrDefault(Subscriber.Status.PAUSED, 0) + " paused, "
        + subscribers.getOrDefault(Subscriber.Status.BLOCKED, 0) + " blocked");
    lines.add("failures in the last 24 h: " + failures.size());
    for (JobHistory.Run failure : failures) {
      lines.add("  " + failure.startedAt() + " " + failure.job() + ": " + failure.summary().orElse(""));
    }
    return lines;
  }

  private String describe(Optional<JobHistory.Run> run) {
    if (run.isEmpty()) {
      return "never";
    }
    JobHistory.Run r = run.get();
    String ago = Duration.between(r.startedAt(), at).toMinutes() + " min ago";
    if (r.finishedAt().isEmpty()) {
      return r.startedAt() + " (" + ago + "), still running or interrupted";
    }
    return r.startedAt() + " (" + ago + "), " + r.outcome().orElse("?") + ": " + r.summary().orElse("");
  }
}
