package warta.fetch;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Locale;

/**
 * One news source from the operator's sources file: a feed URL and what the operator says of it.
 *
 * @param url the feed's absolute http or https URL
 * @param name the source's name for readers (e.g. {@code BBC World}); {@code ""} to take the page's own
 * @param language ISO 639-1 code of its articles when the operator knows it, else {@code ""}
 * @param section the site's section its articles come from (e.g. {@code Internasional}), else {@code ""}
 * @param line where it is written in the sources file, for messages
 */
public record Source(URI url, String name, String language, String section, int line) {

  public Source {
    requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException(url + " is not an http or https URL");
    }
    requireNonNull(name, "name");
    requireNonNull(language, "language");
    requireNonNull(section, "section");
  }

  /**
   * The site its requests go to, lower case, with the port when the URL names one: sources of one
   * site are fetched one after another, as robots.txt and the host delay count sites.
   */
  public String host() {
    String host = url.getHost().toLowerCase(Locale.ROOT);
    return url.getPort() == -1 ? host : host + ":" + url.getPort();
  }
}
