package warta.bot;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import warta.i18n.Language;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;
import warta.topic.Topic;
import warta.topic.TopicCatalog;

/**
 * {@code /topics}: an inline keyboard of every topic, paged (themes, then regions, then countries
 * A to Z in the reader's language); a tap toggles a topic and redraws the page.
 * Buttons send {@code t:p:PAGE} to turn a page and {@code t:x:CODE:PAGE} to toggle.
 */
final class TopicsCommand implements Command {

  static final String PREFIX = "t:";
  private static final int PER_PAGE = 12;
  private static final int COLUMNS = 2;

  private final Registration registration;
  private final SubscriberStore subscribers;
  private final TopicCatalog catalog;
  private final Replies replies;

  TopicsCommand(Registration registration, SubscriberStore subscribers, TopicCatalog catalog, Replies replies) {
    this.registration = registration;
    this.subscribers = subscribers;
    this.catalog = catalog;
    this.replies = replies;
  }

  @Override
  public String name() {
    return "topics";
  }

  @Override
  public boolean changesSettings() {
    return true;
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    Subscriber reader = registration.ensure(turn);
    return List.of(page(turn, reader, 0));
  }

  /** A button press: turn a page or toggle a topic, then redraw the page in place. */
  List<Reply> button(Turn turn, Incoming.Callback callback) {
    String[] parts = callback.data().substring(PREFIX.length()).split(":");
    Subscriber reader = registration.ensure(turn);
    String notice = "";
    int page;
    try {
      if (parts[0].equals("x") && parts.length == 3) {
        Optional<Topic> topic = catalog.find(parts[1]);
        page = Integer.parseInt(parts[2]);
        if (topic.isPresent()) {
          String name = catalog.displayName(topic.get(), turn.language().code());
          if (reader.topics().contains(topic.get())) {
            subscribers.removeTopics(reader.chatId(), Set.of(topic.get()));
            notice = "− " + name;
          } else {
            subscribers.addTopics(reader.chatId(), Set.of(topic.get()));
            notice = "+ " + name;
          }
          reader = subscribers.require(reader.chatId());
        }
      } else {
        page = Integer.parseInt(parts[parts.length - 1]);
      }
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      page = 0;
    }
    return List.of(page(turn, reader, page).replacing(callback.messageId()).noticing(notice));
  }

  private Reply page(Turn turn, Subscriber reader, int requested) {
    List<Topic> all = ordered(turn.language());
    int pages = (all.size() + PER_PAGE - 1) / PER_PAGE;
    int page = Math.max(0, Math.min(requested, pages - 1));
    List<List<Reply.Button>> rows = new ArrayList<>();
    List<Reply.Button> row = new ArrayList<>();
    for (Topic topic : all.subList(page * PER_PAGE, Math.min(all.size(), (page + 1) * PER_PAGE))) {
      String label = (reader.topics().contains(topic) ? "✅ " : "") + catalog.displayName(topic, turn.language().code());
      row.add(new Reply.Button(label, PREFIX + "x:" + topic.code() + ":" + page));
      if (row.size() == COLUMNS) {
        rows.add(row);
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    List<Reply.Button> navigation = new ArrayList<>();
    if (page > 0) {
      navigation.add(new Reply.Button("◀", PREFIX + "p:" + (page - 1)));
    }
    navigation.add(new Reply.Button(replies.text(turn, "topics.page", page + 1, pages), PREFIX + "p:" + page));
    if (page < pages - 1) {
      navigation.add(new Reply.Button("▶", PREFIX + "p:" + (page + 1)));
    }
    rows.add(navigation);
    return Reply.withButtons(replies.text(turn, "topics.title", reader.topics().size()), rows);
  }

  /** Themes, then regions, then countries, each A to Z in the reader's language. */
  private List<Topic> ordered(Language language) {
    Collator collator = Collator.getInstance(language.locale());
    Comparator<Topic> byName = Comparator.comparing(t -> catalog.displayName(t, language.code()), collator);
    List<Topic> ordered = new ArrayList<>();
    ordered.addAll(catalog.themes().stream().sorted(byName).toList());
    ordered.addAll(catalog.regions().stream().sorted(byName).toList());
    ordered.addAll(catalog.countries().stream().sorted(byName).toList());
    return ordered;
  }
}
