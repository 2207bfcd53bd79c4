package warta.bot;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import warta.article.ArticleStore;
import warta.article.StoryEntry;
import warta.digest.EntryFormat;
import warta.digest.TelegramHtml;
import warta.topic.Topic;

/**
 * {@code /latest [TOPIC] [N]}: the newest stories (default 5, at most 20), on the topic given,
 * else on the reader's topics, else on everything; one entry per story.
 */
final class LatestCommand implements Command {

  static final int DEFAULT = 5;
  static final int MAX = 20;

  private final ArticleStore articles;
  private final TopicWords words;
  private final EntryFormat format;
  private final Defaults defaults;
  private final Replies replies;

  LatestCommand(ArticleStore articles, TopicWords words, EntryFormat format, Defaults defaults, Replies replies) {
    this.articles = articles;
    this.words = words;
    this.format = format;
    this.defaults = defaults;
    this.replies = replies;
  }

  @Override
  public String name() {
    return "latest";
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    int count = DEFAULT;
    String topicText = arguments;
    String[] parts = arguments.split("\\s+");
    if (parts.length > 0 && parts[parts.length - 1].matches("\\d{1,3}")) {
      count = Math.max(1, Math.min(MAX, Integer.parseInt(parts[parts.length - 1])));
      topicText = arguments.substring(0, arguments.lastIndexOf(parts[parts.length - 1])).strip();
    }
    List<Topic> topics = new ArrayList<>();
    if (!topicText.isEmpty()) {
      TopicWords.Read read = words.read(topicText, turn.language());
      if (!read.unknown().isEmpty() || read.topics().isEmpty()) {
        String unknown = read.unknown().isEmpty() ? topicText : read.unknown().get(0);
        String near = words.suggestions(unknown, turn.language());
        return List.of(Reply.text((near.isEmpty() ? replies.text(turn, "topics.unknown", TelegramHtml.escape(unknown))
            : replies.text(turn, "topics.unknown.try", TelegramHtml.escape(unknown), near))
            + "\n" + replies.text(turn, "latest.usage")));
      }
      topics.addAll(read.topics());
    } else {
      turn.reader().ifPresent(r -> topics.addAll(r.topics()));
    }
    List<StoryEntry> stories = topics.isEmpty() ? articles.latest(Optional.empty(), count)
        : articles.latestOn(topics, count);
    ZoneId zone = turn.reader().map(r -> r.zone()).orElse(defaults.zoneFor(turn.language()));
    String about = topics.isEmpty() ? "" : words.names(topics, turn.language());
    if (stories.isEmpty()) {
      return replies.say(turn, "latest.none", about.isEmpty() ? "" : " (" + about + ")");
    }
    String heading = about.isEmpty() ? replies.text(turn, "latest.title") : replies.text(turn, "latest.title.topic", about);
    List<String> entries = stories.stream().map(s -> format.entry(s, turn.language(), zone, false)).toList();
    return EntryFormat.messages(heading, entries).stream().map(Reply::text).toList();
  }
}
