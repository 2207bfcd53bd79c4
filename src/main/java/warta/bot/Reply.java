package warta.bot;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the bot answers: a message in Telegram HTML, maybe with buttons, maybe replacing the
 * message a pressed button sits on; or only a short notice on the pressed button.
 *
 * @param text Telegram HTML; {@code ""} for a reply that only answers a button press
 * @param buttons rows of inline buttons, empty for none
 * @param replacing the message to edit instead of sending a new one
 * @param buttonNotice the short notice shown on a pressed button, when answering one
 * @param previews whether link previews may show (off for lists)
 */
public record Reply(String text, List<List<Button>> buttons, Optional<Integer> replacing,
                    Optional<String> buttonNotice, boolean previews) {

  /** An inline button: its label and the data it sends back (at most 64 bytes). */
  public record Button(String label, String data) {
    public Button {
      if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
        throw new IllegalArgumentException("callback data over 64 bytes: " + data);
      }
    }
  }

  public Reply {
    requireNonNull(text, "text");
    buttons = buttons.stream().map(List::copyOf).toList();
    requireNonNull(replacing, "replacing");
    requireNonNull(buttonNotice, "buttonNotice");
  }

  public static Reply text(String html) {
    return new Reply(html, List.of(), Optional.empty(), Optional.empty(), false);
  }

  public static Reply withButtons(String html, List<List<Button>> buttons) {
    return new Reply(html, buttons, Optional.empty(), Optional.empty(), false);
  }

  public Reply replacing(int messageId) {
    return new Reply(text, buttons, Optional.of(messageId), buttonNotice, previews);
  }

  public Reply noticing(String notice) {
    return new Reply(text, buttons, replacing, Optional.of(notice), previews);
  }

  /** Only a notice on the pressed button, no message. */
  public static Reply notice(String notice) {
    return new Reply("", List.of(), Optional.empty(), Optional.of(notice), false);
  }
}
