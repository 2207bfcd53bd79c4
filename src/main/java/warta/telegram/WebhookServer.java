package warta.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Takes the updates Telegram posts in webhook mode: only POSTs to the webhook's path that carry
 * the secret in {@code X-Telegram-Bot-Api-Secret-Token} (compared in constant time), at most
 * 1 MB each. Each update is answered 200 as soon as it is queued, and handled one at a time in
 * the order it came, as long polling does. Anything else gets its HTTP error and a log line.
 */
final class WebhookServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  /** Telegram's updates are a few kilobytes; a megabyte is no update. */
  private static final int MAX_BODY_BYTES = 1 << 20;
  /** How much more of a too large post is read and dropped before the answer. */
  private static final long DRAINED_BYTES = 16L << 20;

  private final HttpServer server;
  private final ExecutorService handling;
  private final byte[] secret;
  private final Consumer<Update> updates;
  private final ObjectMapper json = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private WebhookServer(HttpServer server, String path, String secret, Consumer<Update> updates) {
    this.server = server;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.updates = updates;
    this.handling = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "webhook-updates");
      thread.setDaemon(true);
      return thread;
    });
    server.createContext(path, this::exchange);
  }

  /**
   * Listens on {@code port} (0: any free one) for posts to {@code path}.
   *
   * @throws IOException when the port cannot be had
   */
  static WebhookServer start(int port, String path, String secret, Consumer<Update> updates) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
    WebhookServer webhook = new WebhookServer(server, path, secret, updates);
    server.setExecutor(Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, "webhook-http");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    return webhook;
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String from = String.valueOf(exchange.getRemoteAddress());
      if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
        answer(exchange, 404, "not found");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "only POST");
        return;
      }
      String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
      if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
        log.warn("Webhook post from {} refused: {} secret token", from, given == null ? "no" : "a wrong");
        answer(exchange, 401, "wrong secret token");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
          // Read on (a little) before answering, so that the sender hears the 413 rather than a reset.
          // read, not skip: the server's body stream skips past the body's end, into the socket.
          byte[] sink = new byte[8192];
          long drained = 0;
          for (int n; drained < DRAINED_BYTES && (n = in.read(sink)) > 0; ) {
            drained += n;
          }
          log.warn("Webhook post from {} refused: over {} bytes", from, MAX_BODY_BYTES);
          answer(exchange, 413, "too large");
          return;
        }
      }
      Update update;
      try {
        update = json.readValue(body, Update.class);
      } catch (IOException e) {
        log.warn("Webhook post from {} is not an update: {}", from, e.getMessage().lines().findFirst().orElse(""));
        answer(exchange, 400, "not an update");
        return;
      }
      handling.execute(() -> updates.accept(update));
      answer(exchange, 200, "");
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Stops taking posts, then lets the updates already taken be handled (up to 10 s). */
  @Override
  public void close() {
    server.stop(1);
    handling.shutdown();
    try {
      if (!handling.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("Webhook updates still being handled after 10 s; stopping without them");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (server.getExecutor() instanceof ExecutorService pool) {
      pool.shutdown();
    }
  }
}
