package warta.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import warta.digest.TelegramHtml;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;

/**
 * {@code /subscribe TOPIC...} and {@code /unsubscribe TOPIC...}: topics by code, name or alias in
 * either language; the answer says what changed, and an unknown word gets the nearest topics.
 */
final class SubscribeCommand implements Command {

  private final boolean adding;
  private final Registration registration;
  private final SubscriberStore subscribers;
  private final TopicWords words;
  private final Replies replies;

  SubscribeCommand(boolean adding, Registration registration, SubscriberStore subscribers, TopicWords words,
                   Replies replies) {
    this.adding = adding;
    this.registration = registration;
    this.subscribers = subscribers;
    this.words = words;
    this.replies = replies;
  }

  @Override
  public String name() {
    return adding ? "subscribe" : "unsubscribe";
  }

  @Override
  public boolean changesSettings() {
    return true;
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    if (arguments.isEmpty()) {
      return replies.say(turn, "topics.usage", "/" + name());
    }
    TopicWords.Read read = words.read(arguments, turn.language());
    Subscriber reader = registration.ensure(turn);
    List<String> lines = new ArrayList<>();
    if (!read.topics().isEmpty()) {
      Set<warta.topic.Topic> changed = adding ? subscribers.addTopics(reader.chatId(), read.topics())
          : subscribers.removeTopics(reader.chatId(), read.topics());
      Set<warta.topic.Topic> unchanged = new java.util.LinkedHashSet<>(read.topics());
      unchanged.removeAll(changed);
      if (!changed.isEmpty()) {
        lines.add(replies.text(turn, adding ? "topics.added" : "topics.removed", words.names(changed, turn.language())));
      }
      if (!unchanged.isEmpty()) {
        lines.add(replies.text(turn, adding ? "topics.already" : "topics.not.there",
            words.names(unchanged, turn.language())));
      }
    }
    for (String unknown : read.unknown()) {
      String near = words.suggestions(unknown, turn.language());
      lines.add(near.isEmpty() ? replies.text(turn, "topics.unknown", TelegramHtml.escape(unknown))
          : replies.text(turn, "topics.unknown.try", TelegramHtml.escape(unknown), near));
    }
    Subscriber now = subscribers.require(reader.chatId());
    lines.add(replies.text(turn, "topics.now", now.topics().isEmpty() ? replies.text(turn, "topics.none")
        : words.names(now.topics(), turn.language())));
    return List.of(Reply.text(String.join("\n", lines)));
  }
}
