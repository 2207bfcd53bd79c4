package warta.bot;

import java.util.Optional;
import warta.i18n.Language;
import warta.subscriber.Subscriber;

/**
 * One incoming message being answered: who sent it, the chat's subscription if any, and the
 * language to answer in (the chat's choice, else the sender's client language).
 */
record Turn(Incoming in, Optional<Subscriber> reader, Language language) {

  long chatId() {
    return in.chatId();
  }
}
