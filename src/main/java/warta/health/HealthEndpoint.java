package warta.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health view over HTTP, for a service manager's or load balancer's checks: {@code GET
 * /health} answers the same lines as {@code warta health}, with 200 when healthy and 503 when
 * ingestion failed or went stale. It says nothing secret; bind it to a local address if the
 * counts should stay private.
 */
public final class HealthEndpoint implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HealthEndpoint.class);

  private final HttpServer server;
  private final ExecutorService threads;
  private final Supplier<HealthReport> health;
  private final Duration staleAfter;

  private HealthEndpoint(HttpServer server, Supplier<HealthReport> health, Duration staleAfter) {
    this.server = server;
    this.health = health;
    this.staleAfter = staleAfter;
    this.threads = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "health-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/health", this::exchange);
  }

  /**
   * Serves the view on {@code address} (port 0: any free one).
   *
   * @throws IOException when the address cannot be had
   */
  public static HealthEndpoint start(InetSocketAddress address, Supplier<HealthReport> health, Duration staleAfter)
      throws IOException {
    HealthEndpoint endpoint = new HealthEndpoint(HttpServer.create(address, 16), health, staleAfter);
    endpoint.server.start();
    log.info("Health view at http://{}:{}/health", address.getHostString(), endpoint.port());
    return endpoint;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/health")) {
        send(exchange, 404, "not found\n");
      } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "only GET\n");
      } else {
        HealthReport report;
        try {
          report = health.get();
        } catch (RuntimeException e) {
          log.warn("Health view failed: {}", e.toString());
          send(exchange, 503, "status: unknown: " + e.getMessage() + "\n");
          return;
        }
        boolean healthy = report.healthy(staleAfter);
        send(exchange, healthy ? 200 : 503, String.join("\n", report.lines()) + "\nstatus: "
            + (healthy ? "ok" : "attention: ingestion failed or has not run lately") + "\n");
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdown();
  }
}
