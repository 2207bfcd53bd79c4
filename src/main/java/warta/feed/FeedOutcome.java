package warta.feed;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a downloaded feed body held: its items, or the reason it is not a feed. */
public sealed interface FeedOutcome {

  /**
   * The body was a feed.
   *
   * @param feedTitle the feed's own title as plain text, {@code ""} when none
   * @param language the feed's ISO 639-1 language code, {@code ""} when it does not say
   * @param items in the feed's order, each link once (a repeated link keeps its first item)
   * @param skippedItems items without a usable link: none given, not http(s), or cut off by the
   *     end of a truncated document
   */
  record Read(String feedTitle, String language, List<FeedItem> items, int skippedItems)
      implements FeedOutcome {
    public Read {
      requireNonNull(feedTitle, "feedTitle");
      requireNonNull(language, "language");
      items = List.copyOf(items);
      if (skippedItems < 0) {
        throw new IllegalArgumentException("skippedItems " + skippedItems + " is negative");
      }
    }
  }

  /** The body was not a feed; the reason says why in one line. */
  record Unreadable(String reason) implements FeedOutcome {
    public Unreadable {
      requireNonNull(reason, "reason");
      if (reason.isBlank()) {
        throw new IllegalArgumentException("an unreadable feed needs a reason");
      }
    }
  }
}
