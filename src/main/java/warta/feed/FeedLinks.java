package warta.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Links as feeds write them, made absolute web URLs. */
final class FeedLinks {

  /** Characters a URI may not hold but feeds write anyway; each is percent-encoded. */
  private static final String TO_ENCODE = " \"<>\\^`{|}";

  private FeedLinks() {}

  /**
   * The link as an absolute http(s) URL, resolved against the base; empty when it is blank, not a
   * URL, or of another scheme ({@code mailto:}, {@code javascript:}). White space around the link
   * and line breaks inside it are dropped, as browsers do.
   */
  static Optional<String> resolve(String written, URI base) {
    String link = encodeIllegal(withoutBreaks(written.strip()));
    if (link.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI resolved = baseWithPath(base).resolve(new URI(link)).normalize();
      return isWebUrl(resolved) ? Optional.of(resolved.toString()) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty(); // not a URL: the item has no usable link
    }
  }

  /** The base for links inside an element that sets {@code xml:base}. */
  static URI rebased(URI base, String xmlBase) {
    String written = encodeIllegal(withoutBreaks(xmlBase.strip()));
    if (written.isEmpty()) {
      return base;
    }
    try {
      return baseWithPath(base).resolve(new URI(written));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return base; // an unreadable xml:base is ignored, as feed readers do
    }
  }

  static boolean isWebUrl(String link) {
    try {
      return isWebUrl(new URI(link));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean isWebUrl(URI uri) {
    String scheme = uri.getScheme();
    return uri.isAbsolute() && scheme != null
        && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        && uri.getHost() != null && !uri.getHost().isEmpty();
  }

  /** {@code http://site.example} as {@code http://site.example/}: URI.resolve drops the slash otherwise. */
  private static URI baseWithPath(URI base) {
    if (base.isOpaque() || base.getRawAuthority() == null
        || base.getRawPath() != null && !base.getRawPath().isEmpty()) {
      return base;
    }
    try {
      return new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
    } catch (URISyntaxException e) {
      return base;
    }
  }

  private static String withoutBreaks(String link) {
    if (link.indexOf('\n') < 0 && link.indexOf('\r') < 0 && link.indexOf('\t') < 0) {
      return link;
    }
    return link.replaceAll("[\\t\\r\\n]", "");
  }

  private static String encodeIllegal(String link) {
    StringBuilder out = null;
    for (int i = 0; i < link.length(); i++) {
      char c = link.charAt(i);
      boolean illegal = TO_ENCODE.indexOf(c) >= 0 || c < 0x20 || c == 0x7F
          || c == '%' && !isEscape(link, i);
      if (illegal && out == null) {
        out = new StringBuilder(link.length() + 16).append(link, 0, i);
      }
      if (illegal) {
        out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? link : out.toString();
  }

  /** Whether a {@code %} at i starts an escape such as {@code %20}, rather than standing alone. */
  private static boolean isEscape(String link, int i) {
    return i + 2 < link.length() && isHex(link.charAt(i + 1)) && isHex(link.charAt(i + 2));
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
