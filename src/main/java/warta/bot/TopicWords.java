package warta.bot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import warta.digest.TelegramHtml;
import warta.i18n.Language;
import warta.topic.Topic;
import warta.topic.TopicCatalog;

/**
 * Topics as readers type and read them: a list like {@code Rusia, Asia Tenggara economy} read
 * into topics (longest names first, so "Korea Utara" is one topic), and topics named in the
 * reader's language.
 */
final class TopicWords {

  /** Topics read from a reader's words, and the words that name no topic. */
  record Read(Set<Topic> topics, List<String> unknown) {}

  private final TopicCatalog catalog;

  TopicWords(TopicCatalog catalog) {
    this.catalog = catalog;
  }

  Read read(String text, Language language) {
    Set<Topic> topics = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String part : text.split("[,;\\n]+")) {
      List<String> words = List.of(part.strip().split("\\s+"));
      int i = 0;
      while (i < words.size()) {
        if (words.get(i).isEmpty()) {
          i++;
          continue;
        }
        int matched = 0;
        for (int end = Math.min(words.size(), i + 4); end > i; end--) {
          Optional<Topic> topic = catalog.find(String.join(" ", words.subList(i, end)), language.code());
          if (topic.isPresent()) {
            topics.add(topic.get());
            matched = end - i;
            break;
          }
        }
        if (matched == 0) {
          unknown.add(words.get(i));
          i++;
        } else {
          i += matched;
        }
      }
    }
    return new Read(topics, unknown);
  }

  String names(java.util.Collection<Topic> topics, Language language) {
    return topics.stream().map(t -> TelegramHtml.escape(catalog.displayName(t, language.code())))
        .sorted().collect(Collectors.joining(", "));
  }

  String suggestions(String word, Language language) {
    return catalog.suggest(word, 3).stream()
        .map(t -> TelegramHtml.escape(catalog.displayName(t, language.code())))
        .collect(Collectors.joining(", "));
  }
}
