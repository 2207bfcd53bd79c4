package warta.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * Webhook mode: Telegram posts each update to {@code url}, which the operator's HTTPS proxy
 * forwards to this process on {@code port}; every post must carry {@code secret} in the
 * {@code X-Telegram-Bot-Api-Secret-Token} header.
 *
 * @param url the public HTTPS address Telegram posts to; its path is the path served here
 * @param port the local port the bot listens on
 * @param secret 1 to 256 characters of A-Z, a-z, 0-9, _ and -; never shown
 */
public record WebhookSettings(URI url, int port, String secret) {

  public WebhookSettings {
    requireNonNull(url, "url");
    requireNonNull(secret, "secret");
  }

  /** The path Telegram's posts arrive at: the URL's, or {@code /} when it has none. */
  public String path() {
    String path = url.getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  /** The secret is a secret: never part of the text. */
  @Override
  public String toString() {
    return "WebhookSettings[url=" + url + ", port=" + port + ", secret=(hidden)]";
  }
}
