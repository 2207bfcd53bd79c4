package warta.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import warta.article.ArticleStore;
import warta.article.StoryEntry;
import warta.digest.EntryFormat;
import warta.subscriber.Subscriber;

/**
 * {@code /digest}: the reader's digest now: up to eight stories of the last day on their topics
 * (or on everything without topics), leads folded in expandable quotes; when nothing matches, a
 * short note and (if the reader wants them) the top headlines instead.
 */
final class DigestCommand implements Command {

  static final int SIZE = 8;
  private static final Duration FRESH = Duration.ofHours(24);

  private final Registration registration;
  private final ArticleStore articles;
  private final EntryFormat format;
  private final Replies replies;
  private final Clock clock;

  DigestCommand(Registration registration, ArticleStore articles, EntryFormat format, Replies replies, Clock clock) {
    this.registration = registration;
    this.articles = articles;
    this.format = format;
    this.replies = replies;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "digest";
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    Subscriber reader = registration.ensure(turn);
    List<StoryEntry> fresh = articles.latestOn(reader.topics(), SIZE).stream()
        .filter(s -> s.newsAt().isAfter(clock.instant().minus(FRESH))).toList();
    String date = clock.instant().atZone(reader.zone())
        .format(DateTimeFormatter.ofPattern("d MMM yyyy", turn.language().locale()));
    String heading = replies.text(turn, "digest.title", date);
    if (fresh.isEmpty()) {
      List<String> lines = new ArrayList<>(List.of(heading, replies.text(turn, "digest.none")));
      if (reader.fallbackHeadlines()) {
        List<StoryEntry> top = articles.latest(Optional.empty(), LatestCommand.DEFAULT);
        if (!top.isEmpty()) {
          lines.add(replies.text(turn, "latest.title"));
          top.forEach(s -> lines.add(format.entry(s, turn.language(), reader.zone(), true)));
        }
      }
      return EntryFormat.messages(lines.get(0), lines.subList(1, lines.size())).stream().map(Reply::text).toList();
    }
    List<String> entries = fresh.stream().map(s -> format.entry(s, turn.language(), reader.zone(), true)).toList();
    return EntryFormat.messages(heading, entries).stream().map(Reply::text).toList();
  }
}
