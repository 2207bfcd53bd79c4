package warta.fetch;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * What fetching a source has found so far: its validators for the next conditional request, its
 * run of failures and backoff, and its counts.
 *
 * @param failuresInARow failures since the last answer (0 when the last fetch worked)
 * @param nextAttemptAt not fetched before this (backing off); {@link Instant#EPOCH} when free
 * @param pausedAt paused after too many failures in a row: not fetched until the operator asks
 * @param lastError the last failure's reason, {@code ""} when none
 */
public record SourceState(URI url, Validators validators, int failuresInARow, Instant nextAttemptAt,
                          Optional<Instant> pausedAt, String lastError, Optional<Instant> lastErrorAt,
                          Optional<Instant> lastFetchedAt, long itemsSeen, long pagesSaved) {

  public SourceState {
    requireNonNull(url, "url");
    requireNonNull(validators, "validators");
    requireNonNull(nextAttemptAt, "nextAttemptAt");
    requireNonNull(pausedAt, "pausedAt");
    requireNonNull(lastError, "lastError");
    requireNonNull(lastErrorAt, "lastErrorAt");
    requireNonNull(lastFetchedAt, "lastFetchedAt");
  }

  /** A source never fetched. */
  public static SourceState fresh(URI url) {
    return new SourceState(url, Validators.none(), 0, Instant.EPOCH, Optional.empty(), "", Optional.empty(),
        Optional.empty(), 0, 0);
  }

  /** Whether a scheduled fetch may try it at {@code now}. */
  public boolean dueAt(Instant now) {
    return pausedAt.isEmpty() && !nextAttemptAt.isAfter(now);
  }
}
