package warta.fetch;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What the last answer for a URL said about its version, sent back so the server can answer
 * "not modified" ({@code If-None-Match}, {@code If-Modified-Since}).
 *
 * @param etag the {@code ETag} header as sent, quotes and {@code W/} included
 * @param lastModified the {@code Last-Modified} header as sent (an HTTP date)
 */
public record Validators(Optional<String> etag, Optional<String> lastModified) {

  public Validators {
    requireNonNull(etag, "etag");
    requireNonNull(lastModified, "lastModified");
  }

  /** No validators: the server sends the whole body. */
  public static Validators none() {
    return new Validators(Optional.empty(), Optional.empty());
  }
}
