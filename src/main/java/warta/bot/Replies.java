package warta.bot;

import java.util.List;
import warta.i18n.Messages;

/** Texts for replies in the turn's language: {@code replies.text(turn, "pause.done")}. */
final class Replies {

  private final Messages messages;

  Replies(Messages messages) {
    this.messages = messages;
  }

  String text(Turn turn, String key, Object... arguments) {
    return messages.text(turn.language(), key, arguments);
  }

  List<Reply> say(Turn turn, String key, Object... arguments) {
    return List.of(Reply.text(text(turn, key, arguments)));
  }
}
