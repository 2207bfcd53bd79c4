package warta.bot;

import java.time.ZoneId;
import java.util.List;
import warta.article.ArticleStore;
import warta.article.StoryEntry;
import warta.digest.EntryFormat;
import warta.digest.TelegramHtml;

/** {@code /search WORDS}: stored stories matching every word, best and newest first. */
final class SearchCommand implements Command {

  private static final int RESULTS = 8;

  private final ArticleStore articles;
  private final EntryFormat format;
  private final Defaults defaults;
  private final Replies replies;

  SearchCommand(ArticleStore articles, EntryFormat format, Defaults defaults, Replies replies) {
    this.articles = articles;
    this.format = format;
    this.defaults = defaults;
    this.replies = replies;
  }

  @Override
  public String name() {
    return "search";
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    if (arguments.isBlank()) {
      return replies.say(turn, "search.usage");
    }
    String query = arguments.length() > 200 ? arguments.substring(0, 200) : arguments;
    List<StoryEntry> found = articles.search(query, RESULTS);
    if (found.isEmpty()) {
      return replies.say(turn, "search.none", TelegramHtml.escape(query));
    }
    ZoneId zone = turn.reader().map(r -> r.zone()).orElse(defaults.zoneFor(turn.language()));
    List<String> entries = found.stream().map(s -> format.entry(s, turn.language(), zone, false)).toList();
    return EntryFormat.messages(replies.text(turn, "search.title", TelegramHtml.escape(query)), entries).stream()
        .map(Reply::text).toList();
  }
}
