package warta.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import okhttp3.Response;
import warta.fetch.Fetched.Failed;

/** The one-line reasons of failed fetches, and which failures may pass if tried later. */
final class Reasons {

  /** Standard phrases: HTTP/2 sends none, and some servers send odd ones. */
  private static final Map<Integer, String> PHRASES = Map.ofEntries(
      Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
      Map.entry(303, "See Other"), Map.entry(305, "Use Proxy"), Map.entry(307, "Temporary Redirect"),
      Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
      Map.entry(402, "Payment Required"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
      Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"),
      Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private Reasons() {}

  /** {@code 503 Service Unavailable}, or the code and the server's own phrase when the code is unusual. */
  static String status(Response response) {
    String phrase = PHRASES.getOrDefault(response.code(), response.message().strip());
    return phrase.isEmpty() ? Integer.toString(response.code()) : response.code() + " " + phrase;
  }

  /** An answer that is neither a body, "not modified" nor a redirect; Retry-After is shown when sent. */
  static Failed unexpectedStatus(HttpUrl url, Response response) {
    int code = response.code();
    String retryAfter = response.header("Retry-After");
    String reason = url + ": " + status(response)
        + (retryAfter != null && (code == 429 || code == 503) ? " (Retry-After: " + retryAfter.strip() + ")" : "");
    return new Failed(reason, isRetryable(code));
  }

  /** 5xx, 408 and 429 may pass; other codes say the request itself is wrong. */
  static boolean isRetryable(int code) {
    return code >= 500 || code == 408 || code == 429;
  }

  static Failed tooBig(HttpUrl url, long maxBytes, String measured) {
    return new Failed(url + ": over " + size(maxBytes) + " (" + measured + ")", false);
  }

  /** What went wrong on the way, for {@code url}. */
  static Failed ioProblem(HttpUrl url, IOException e, FetchPolicy policy) {
    return new Failed(url + ": " + describe(e, policy), isRetryable(e));
  }

  static String describe(IOException e, FetchPolicy policy) {
    if (e instanceof SocketTimeoutException) {
      return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("connect")
          ? "could not connect within " + duration(policy.connectTimeout())
          : "no data for " + duration(policy.readTimeout());
    }
    if (e instanceof InterruptedIOException) { // OkHttp's call timeout, which spans the whole request
      return Thread.currentThread().isInterrupted() ? "interrupted" : "timed out after " + duration(policy.callTimeout());
    }
    if (e instanceof ConnectException) {
      return mentions(e, "refused") ? "connection refused" : "cannot connect: " + e.getMessage();
    }
    if (e instanceof UnknownHostException) {
      return "unknown host: " + e.getMessage();
    }
    if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
      return "TLS handshake failed: " + e.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A bad certificate or a broken protocol stays so; timeouts, refusals and cut connections may pass. */
  static boolean isRetryable(IOException e) {
    return !(e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException
        || e instanceof ProtocolException);
  }

  /** {@code 5 MB}, {@code 500 KB} or {@code 1000 bytes} (MB and KB are 1024-based). */
  static String size(long bytes) {
    if (bytes > 0 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MB";
    }
    if (bytes > 0 && bytes % (1 << 10) == 0) {
      return (bytes >> 10) + " KB";
    }
    return bytes + (bytes == 1 ? " byte" : " bytes");
  }

  /** {@code 30 s} for whole seconds, otherwise {@code 1500 ms}. */
  static String duration(Duration duration) {
    return duration.toNanosPart() == 0
        ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  private static boolean mentions(Throwable e, String word) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word)) {
        return true;
      }
    }
    return false;
  }
}
