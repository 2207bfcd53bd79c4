package warta.feed;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import warta.article.Published;

/**
 * One item of a feed: where its article is and what the feed says about it.
 *
 * @param link the article's absolute http(s) URL, resolved against the feed's URL
 * @param guid the item's own id ({@code guid}, {@code id} or {@code rdf:about}), {@code ""} when none
 * @param title plain text, HTML taken out and white space collapsed; {@code ""} when none
 * @param published empty when the item gives no date or none that can be read: never invented
 * @param summary plain text like the title, at most {@value #SUMMARY_LIMIT} characters
 * @param language ISO 639-1 code from the item or else the feed ({@code en}, {@code id}), or {@code ""}
 */
public record FeedItem(String link, String guid, String title, Optional<Published> published,
                       String summary, String language) {

  /** The longest summary kept; a longer one is cut at a word and ends with an ellipsis. */
  public static final int SUMMARY_LIMIT = 1000;

  public FeedItem {
    requireNonNull(link, "link");
    requireNonNull(guid, "guid");
    requireNonNull(title, "title");
    requireNonNull(published, "published");
    requireNonNull(summary, "summary");
    requireNonNull(language, "language");
    if (!FeedLinks.isWebUrl(link)) {
      throw new IllegalArgumentException("link \"" + link + "\" is not an absolute http(s) URL");
    }
    if (summary.length() > SUMMARY_LIMIT) {
      throw new IllegalArgumentException(link + ": summary of " + summary.length()
          + " characters, more than " + SUMMARY_LIMIT);
    }
  }
}
