package warta.delivery;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import warta.digest.TelegramHtml;

/**
 * One message for the outbox to send: its text, Telegram HTML or plain, maybe inline buttons,
 * maybe replacing a message the bot sent before (a pressed button's message is edited in place).
 *
 * @param text what the reader sees; never empty
 * @param html whether {@code text} is Telegram HTML
 * @param previews whether link previews may show (off for digests and lists)
 * @param buttons rows of inline buttons, empty for none
 * @param replacing the id of the bot's message to edit instead of sending a new one
 */
public record Outgoing(String text, boolean html, boolean previews, List<List<Button>> buttons,
                       Optional<Integer> replacing) {

  /** An inline button: its label and the data it sends back (at most 64 bytes, Telegram's limit). */
  public record Button(String label, String data) {
    public Button {
      requireNonNull(label, "label");
      if (data.getBytes(StandardCharsets.UTF_8).length > 64) {
        throw new IllegalArgumentException("callback data over 64 bytes: " + data);
      }
    }
  }

  public Outgoing {
    requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a message needs text");
    }
    buttons = buttons.stream().map(List::copyOf).toList();
    requireNonNull(replacing, "replacing");
  }

  /** A new message in Telegram HTML, previews off, no buttons: a digest part. */
  public static Outgoing html(String html) {
    return new Outgoing(html, true, false, List.of(), Optional.empty());
  }

  /** The same message as the visible text of its HTML, for when Telegram refuses the markup. */
  public Outgoing asPlainText() {
    return html ? new Outgoing(TelegramHtml.toPlainText(text), false, previews, buttons, replacing) : this;
  }
}
