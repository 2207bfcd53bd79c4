package warta.fetch;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** What became of one fetch: the body, "not modified", robots.txt said no, or the reason it failed. */
public sealed interface Fetched {

  /**
   * The server sent a body (any 2xx answer).
   *
   * @param url where the body came from, after redirects
   * @param bytes the body, decoded from gzip if it was sent so; not copied, do not change it
   * @param contentType the media type without parameters, in lower case (e.g. {@code application/rss+xml})
   * @param charset the {@code charset} parameter of {@code Content-Type}, when given and known to Java
   * @param validators to send with the next request for this URL
   */
  record Body(URI url, byte[] bytes, Optional<String> contentType, Optional<Charset> charset,
              Validators validators) implements Fetched {
    public Body {
      requireNonNull(url, "url");
      requireNonNull(bytes, "bytes");
      requireNonNull(contentType, "contentType");
      requireNonNull(charset, "charset");
      requireNonNull(validators, "validators");
      if (!url.isAbsolute()) {
        throw new IllegalArgumentException("body: url " + url + " is not absolute");
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Body that && url.equals(that.url) && Arrays.equals(bytes, that.bytes)
          && contentType.equals(that.contentType) && charset.equals(that.charset)
          && validators.equals(that.validators);
    }

    @Override
    public int hashCode() {
      return Objects.hash(url, Arrays.hashCode(bytes), contentType, charset, validators);
    }

    @Override
    public String toString() {
      return "Body[url=" + url + ", " + bytes.length + " bytes, contentType=" + contentType
          + ", charset=" + charset + ", validators=" + validators + "]";
    }
  }

  /** The server answered 304: what the caller has from the last fetch is still current. */
  record NotModified() implements Fetched {}

  /** The site's robots.txt does not allow our agent this URL; the reason names both. */
  record Disallowed(String reason) implements Fetched {
    public Disallowed {
      requireNonNull(reason, "reason");
    }
  }

  /**
   * No body: the reason names the URL and the status or cause in one line.
   *
   * @param retryable whether the same request may work later (5xx, 408, 429, timeouts, connection
   *     problems, robots.txt unavailable); not for other 4xx, bodies over the limit, redirect loops, bad URLs
   */
  record Failed(String reason, boolean retryable) implements Fetched {
    public Failed {
      requireNonNull(reason, "reason");
    }
  }
}
