package warta.fetch;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import warta.fetch.Fetched.Body;
import warta.fetch.Fetched.Failed;
import warta.fetch.Fetched.NotModified;

/**
 * An HTTP client that reads the web the way a good guest does: one request at a time per site,
 * {@link FetchPolicy#hostDelay} apart, only where robots.txt allows, with our name in the
 * User-Agent, conditional requests, and limits on time, redirects and size. Callers on several
 * threads share one; a slow site only holds up requests to itself.
 *
 * <p>Built on OkHttp: it is already here with TelegramBots, its call timeout covers a body that
 * trickles in (java.net.http's request timeout stops at the headers), and it asks for gzip and
 * decodes it by itself, so the size limit applies to the decoded body.
 */
public final class PoliteFetcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PoliteFetcher.class);

  /** The size limit for RSS and Atom feeds: 5 MB. */
  public static final long MAX_FEED_BYTES = 5L << 20;
  /** The size limit for article pages: 10 MB. */
  public static final long MAX_PAGE_BYTES = 10L << 20;
  /** No body is read beyond this, whatever the caller asks: 1 GB. */
  static final long MAX_BYTES = 1L << 30;

  private final FetchPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final OkHttpClient client;
  private final RobotsTxt robots;
  private final ConcurrentMap<String, Host> hosts = new ConcurrentHashMap<>();

  public PoliteFetcher(FetchPolicy policy) {
    this(policy, Clock.systemUTC(), Sleeper.REAL);
  }

  PoliteFetcher(FetchPolicy policy, Clock clock, Sleeper sleeper) {
    this.policy = requireNonNull(policy, "policy");
    this.clock = requireNonNull(clock, "clock");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    this.client = new OkHttpClient.Builder()
        .followRedirects(false) // followed here, each hop checked against robots.txt and the host's turn
        .followSslRedirects(false)
        .connectTimeout(policy.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(policy.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(policy.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(policy.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .build();
    this.robots = new RobotsTxt(client, policy, clock, sleeper);
  }

  /**
   * Fetches {@code url}, sending {@code validators} so an unchanged resource comes back as
   * {@link NotModified}. Waits for its site's turn, which may take a while when other threads
   * fetch from the same site. Never throws for network or HTTP problems: they come back as
   * {@link Failed}; an interrupted thread gets a retryable {@code Failed} with its flag set again.
   *
   * @param maxBytes the most a body may have after gzip decoding, e.g. {@link #MAX_FEED_BYTES};
   *     a larger one is not read to its end and fails
   * @throws IllegalArgumentException if {@code maxBytes} is negative or over 1 GB
   */
  public Fetched get(URI url, Validators validators, long maxBytes) {
    requireNonNull(url, "url");
    requireNonNull(validators, "validators");
    if (maxBytes < 0 || maxBytes > MAX_BYTES) {
      throw new IllegalArgumentException(url + ": maxBytes=" + maxBytes + " is not from 0 to " + MAX_BYTES);
    }
    HttpUrl first = HttpUrl.parse(url.toString());
    if (first == null) {
      return new Failed(url + ": not an http or https URL", false);
    }
    List<HttpUrl> visited = new ArrayList<>(List.of(first));
    try {
      HttpUrl current = first;
      while (true) {
        Hop hop = fetchOnce(current, validators, maxBytes);
        if (hop instanceof Hop.Done done) {
          return done.fetched();
        }
        HttpUrl next = ((Hop.Redirect) hop).to();
        boolean loop = visited.contains(next);
        visited.add(next);
        if (loop) {
          return new Failed(first + ": redirect loop: " + chain(visited), false);
        }
        if (visited.size() - 1 > policy.maxRedirects()) {
          return new Failed(first + ": more than " + policy.maxRedirects() + " redirects: " + chain(visited), false);
        }
        current = next;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failed(first + ": interrupted", true);
    }
  }

  /** Releases connections; {@code get} must not be called after. */
  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** One request, without following a redirect. */
  private sealed interface Hop {
    record Done(Fetched fetched) implements Hop {}

    record Redirect(HttpUrl to) implements Hop {}
  }

  private Hop fetchOnce(HttpUrl url, Validators validators, long maxBytes) throws InterruptedException {
    Host host = hosts.computeIfAbsent(url.scheme() + "://" + url.host() + ":" + url.port(), Host::new);
    host.enter();
    try {
      Optional<Fetched> refused = robots.check(host, url);
      if (refused.isPresent()) {
        return new Hop.Done(refused.get());
      }
      host.awaitGap(clock, sleeper);
      Call call = client.newCall(request(url, validators));
      long started = System.nanoTime();
      try (Response response = call.execute()) {
        Hop hop = answer(url, call, response, maxBytes);
        log.debug("GET {} -> {} in {} ms", url, response.code(), (System.nanoTime() - started) / 1_000_000);
        return hop;
      } catch (IOException e) {
        log.debug("GET {} failed after {} ms", url, (System.nanoTime() - started) / 1_000_000, e);
        return new Hop.Done(Reasons.ioProblem(url, e, policy));
      } finally {
        host.requestEnded(clock, policy.hostDelay());
      }
    } finally {
      host.leave();
    }
  }

  private Request request(HttpUrl url, Validators validators) {
    // No Accept-Encoding here: OkHttp then asks for gzip itself and decodes the answer.
    var request = new Request.Builder().url(url).header("User-Agent", policy.userAgent());
    validators.etag().ifPresent(etag -> request.header("If-None-Match", etag));
    validators.lastModified().ifPresent(date -> request.header("If-Modified-Since", date));
    return request.build();
  }

  private Hop answer(HttpUrl url, Call call, Response response, long maxBytes) throws IOException {
    int code = response.code();
    if (code == 304) {
      return new Hop.Done(new NotModified());
    }
    if (response.isSuccessful()) {
      return new Hop.Done(body(url, call, response, maxBytes));
    }
    if (response.isRedirect() && code != 300) {
      String location = response.header("Location");
      if (location == null) {
        return new Hop.Done(new Failed(url + ": " + Reasons.status(response) + " without a Location header", false));
      }
      HttpUrl next = url.resolve(location);
      if (next == null) {
        return new Hop.Done(new Failed(url + ": " + Reasons.status(response) + " to \"" + location
            + "\", which is not an http or https URL", false));
      }
      return new Hop.Redirect(next);
    }
    return new Hop.Done(Reasons.unexpectedStatus(url, response));
  }

  private Fetched body(HttpUrl url, Call call, Response response, long maxBytes) throws IOException {
    ResponseBody body = response.body();
    long declared = body.contentLength(); // -1 when unknown, and after gzip decoding
    if (declared > maxBytes) {
      call.cancel(); // closing would read on to reuse the connection
      return Reasons.tooBig(url, maxBytes, "Content-Length " + declared);
    }
    byte[] bytes = readAtMost(body.source(), maxBytes);
    if (bytes.length > maxBytes) {
      call.cancel();
      return Reasons.tooBig(url, maxBytes, "read " + bytes.length + " bytes");
    }
    MediaType type = body.contentType();
    return new Body(response.request().url().uri(), bytes,
        Optional.ofNullable(type).map(t -> t.type() + "/" + t.subtype()),
        Optional.ofNullable(type).map(t -> t.charset(null)),
        new Validators(Optional.ofNullable(response.header("ETag")),
            Optional.ofNullable(response.header("Last-Modified"))));
  }

  /** Reads up to {@code limit + 1} bytes: one more than allowed shows the body is too big. */
  static byte[] readAtMost(BufferedSource source, long limit) throws IOException {
    var buffer = new Buffer();
    while (buffer.size() <= limit) {
      if (source.read(buffer, Math.min(64 * 1024, limit + 1 - buffer.size())) == -1) {
        break;
      }
    }
    return buffer.readByteArray();
  }

  private static String chain(List<HttpUrl> urls) {
    return urls.stream().map(HttpUrl::toString).collect(Collectors.joining(" -> "));
  }
}
