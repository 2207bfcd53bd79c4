package warta.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A listed source and what fetching found of it, in words for the operator. */
public record SourceStatus(Source source, SourceState state) {

  /** Every source in the file with its state (fresh when never fetched), in file order. */
  public static List<SourceStatus> of(SourceList list, List<SourceState> states) {
    Map<URI, SourceState> byUrl = states.stream().collect(Collectors.toMap(SourceState::url, Function.identity()));
    List<SourceStatus> statuses = new ArrayList<>();
    for (Source source : list.sources()) {
      statuses.add(new SourceStatus(source, byUrl.getOrDefault(source.url(), SourceState.fresh(source.url()))));
    }
    return statuses;
  }

  public boolean paused() {
    return state.pausedAt().isPresent();
  }

  /** Its last try failed (paused or backing off). */
  public boolean failing() {
    return state.failuresInARow() > 0;
  }

  /** One line: the URL, then ok / failing / paused / never fetched, with times relative to {@code now}. */
  public String describe(Instant now) {
    String name = source.name().isEmpty() ? "" : " (" + source.name() + ")";
    String what;
    if (paused()) {
      what = "PAUSED " + ago(state.pausedAt().get(), now) + " after " + state.failuresInARow()
          + " failures in a row; last: " + state.lastError() + "; `warta fetch --source " + source.url()
          + "` tries it again";
    } else if (failing()) {
      Duration wait = Duration.between(now, state.nextAttemptAt());
      what = "FAILING, " + state.failuresInARow() + " in a row, next try "
          + (wait.isNegative() ? "at the next run" : "in " + wait.toMinutes() + " min") + "; last: " + state.lastError();
    } else if (state.lastFetchedAt().isPresent()) {
      what = "ok, fetched " + ago(state.lastFetchedAt().get(), now);
    } else {
      what = "never fetched";
    }
    return source.url() + name + ": " + what + "; " + state.itemsSeen() + " items, " + state.pagesSaved()
        + " pages saved";
  }

  private static String ago(Instant then, Instant now) {
    long minutes = Duration.between(then, now).toMinutes();
    return minutes < 120 ? minutes + " min ago" : minutes / 60 + " h ago";
  }
}
