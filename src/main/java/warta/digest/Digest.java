package warta.digest;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * One reader's digest, as it will be sent.
 *
 * @param date the reader's local date the digest is for
 * @param stories the story ids it carries, in order (empty for a "nothing new" digest)
 * @param parts the Telegram HTML messages, in order, each under Telegram's length limit
 * @param nothingNew whether nothing new matched the reader's topics (the parts then say so)
 */
public record Digest(long chatId, LocalDate date, List<Long> stories, List<String> parts, boolean nothingNew) {

  public Digest {
    requireNonNull(date, "date");
    stories = List.copyOf(stories);
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a digest for chat " + chatId + " has no message");
    }
  }
}
