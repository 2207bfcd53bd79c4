package warta.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import warta.article.ArticleStore;
import warta.article.StoryEntry;
import warta.i18n.Messages;
import warta.subscriber.Subscriber;

/**
 * Builds one reader's digest: stories on their topics first seen since their last digest (the
 * last 24 hours for a first one), never one already sent to the chat, one entry per story ("in N
 * sources"), ranked by topic salience and recency, 5 to 10 of them; when nothing new matches, a
 * short note with (if the reader wants them) the top international headlines not yet sent.
 */
public final class DigestBuilder {

  static final int MOST = 10;
  static final int FEWEST = 5;
  private static final int CANDIDATES = 60;
  private static final Duration FIRST_DIGEST = Duration.ofHours(24);
  /** A story loses half its weight for each day of age. */
  private static final double HALF_LIFE_HOURS = 24;

  private final ArticleStore articles;
  private final EntryFormat format;
  private final Messages messages;

  public DigestBuilder(ArticleStore articles, EntryFormat format, Messages messages) {
    this.articles = articles;
    this.format = format;
    this.messages = messages;
  }

  /**
   * The digest for {@code reader} on their local {@code date}.
   *
   * @param lastDigest when the chat's last digest went out, if ever
   */
  public Digest buildFor(Subscriber reader, LocalDate date, Instant now, Optional<Instant> lastDigest) {
    Instant since = lastDigest.orElse(now.minus(FIRST_DIGEST));
    List<ArticleStore.Scored> candidates = articles.forDigest(reader.chatId(), reader.topics(), since, CANDIDATES);
    List<StoryEntry> chosen = new ArrayList<>(candidates.stream()
        .sorted(Comparator.comparingDouble((ArticleStore.Scored s) -> -weight(s, now)))
        .limit(MOST).map(ArticleStore.Scored::story).toList());
    if (!chosen.isEmpty() && chosen.size() < FEWEST && reader.fallbackHeadlines() && !reader.topics().isEmpty()) {
      // A thin day on the reader's topics: the top international headlines fill the digest to five.
      for (StoryEntry top : topHeadlines(reader, now)) {
        if (chosen.size() >= FEWEST) {
          break;
        }
        if (chosen.stream().noneMatch(c -> c.storyId() == top.storyId())) {
          chosen.add(top);
        }
      }
    }
    String heading = messages.text(reader.language(), "digest.title",
        date.format(DateTimeFormatter.ofPattern("d MMM yyyy", reader.language().locale())));
    if (!chosen.isEmpty()) {
      List<String> entries = chosen.stream().map(s -> format.entry(s, reader.language(), reader.zone(), true)).toList();
      return new Digest(reader.chatId(), date, chosen.stream().map(StoryEntry::storyId).toList(),
          EntryFormat.messages(heading, entries), false);
    }
    List<String> lines = new ArrayList<>(List.of(messages.text(reader.language(), "digest.none")));
    List<StoryEntry> top = List.of();
    if (reader.fallbackHeadlines()) {
      top = topHeadlines(reader, now);
      if (!top.isEmpty()) {
        lines.add(messages.text(reader.language(), "latest.title"));
        top.forEach(s -> lines.add(format.entry(s, reader.language(), reader.zone(), true)));
      }
    }
    return new Digest(reader.chatId(), date, top.stream().map(StoryEntry::storyId).toList(),
        EntryFormat.messages(heading, lines), true);
  }

  /** The day's most carried stories not yet sent to the reader. */
  private List<StoryEntry> topHeadlines(Subscriber reader, Instant now) {
    return articles.forDigest(reader.chatId(), List.of(), now.minus(FIRST_DIGEST), CANDIDATES).stream()
        .sorted(Comparator.comparingDouble((ArticleStore.Scored s) -> -weight(s, now)))
        .limit(FEWEST).map(ArticleStore.Scored::story).toList();
  }

  /** Salience for the reader, halved for each day of the story's age. */
  private static double weight(ArticleStore.Scored scored, Instant now) {
    double ageHours = Math.max(0, Duration.between(scored.story().newsAt(), now).toMinutes() / 60.0);
    return Math.max(scored.salience(), 0.1) * Math.pow(0.5, ageHours / HALF_LIFE_HOURS);
  }
}
