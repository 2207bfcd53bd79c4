package warta.bot;

import java.util.List;
import java.util.Optional;
import warta.i18n.Language;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;

/** {@code /language id|en}: the language of the bot's replies and digests in this chat. */
final class LanguageCommand implements Command {

  private final Registration registration;
  private final SubscriberStore subscribers;
  private final Replies replies;

  LanguageCommand(Registration registration, SubscriberStore subscribers, Replies replies) {
    this.registration = registration;
    this.subscribers = subscribers;
    this.replies = replies;
  }

  @Override
  public String name() {
    return "language";
  }

  @Override
  public boolean changesSettings() {
    return true;
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    Optional<Language> language = Language.parse(arguments);
    if (language.isEmpty()) {
      return replies.say(turn, "language.usage");
    }
    Subscriber reader = registration.ensure(turn);
    subscribers.setLanguage(reader.chatId(), language.get());
    Turn inNewLanguage = new Turn(turn.in(), turn.reader(), language.get());
    return replies.say(inNewLanguage, "language.set");
  }
}
