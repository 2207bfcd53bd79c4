package warta.feed;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;

/**
 * One item as its feed wrote it, before its link is chosen and its date read.
 *
 * @param base what the item's relative links are relative to
 * @param links candidates for the article's link, best first, as written
 * @param title plain text
 * @param dates candidates for the publication date, best first, as written
 * @param summary plain text, not yet cut to length
 * @param languageTag the item's own language tag, or {@code ""}
 */
record ItemDraft(URI base, List<String> links, String guid, String title, List<String> dates,
                 String summary, String languageTag) {
  ItemDraft {
    requireNonNull(base, "base");
    links = List.copyOf(links);
    requireNonNull(guid, "guid");
    requireNonNull(title, "title");
    dates = List.copyOf(dates);
    requireNonNull(summary, "summary");
    requireNonNull(languageTag, "languageTag");
  }
}
