package warta.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import warta.subscriber.Subscriber;

/** The health view over HTTP: 200 while ingestion runs well, 503 when it failed or went stale. */
class HealthEndpointTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicReference<HealthReport> report = new AtomicReference<>();
  private HealthEndpoint endpoint;

  @BeforeEach
  void start() throws Exception {
    endpoint = HealthEndpoint.start(new InetSocketAddress("127.0.0.1", 0), report::get, Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  @Test
  void aRecentGoodIngestionIsHealthy() throws Exception {
    report.set(reportWithIngest(NOW.minus(Duration.ofMinutes(5)), "ok"));

    HttpResponse<String> answer = get("/health");

    assertEquals(200, answer.statusCode());
    assertThat(answer.body()).contains("last ingest: ").contains("subscribers: 3 active").endsWith("status: ok\n");
  }

  @Test
  void aFailedOrStaleIngestionNeedsAttention() throws Exception {
    report.set(reportWithIngest(NOW.minus(Duration.ofMinutes(5)), "failed"));
    HttpResponse<String> failed = get("/health");
    report.set(reportWithIngest(NOW.minus(Duration.ofHours(3)), "ok"));
    HttpResponse<String> stale = get("/health");

    assertEquals(503, failed.statusCode());
    assertEquals(503, stale.statusCode());
    assertThat(stale.body()).endsWith("status: attention: ingestion failed or has not run lately\n");
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    report.set(reportWithIngest(NOW, "ok"));

    assertEquals(404, get("/healthz").statusCode());
    assertEquals(405, http.send(HttpRequest.newBuilder(uri("/health")).POST(HttpRequest.BodyPublishers.ofString("x"))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + endpoint.port() + path);
  }

  private static HealthReport reportWithIngest(Instant startedAt, String outcome) {
    var ingest = new JobHistory.Run(1, "ingest", startedAt, Optional.of(startedAt.plusSeconds(1)), Optional.of(outcome),
        Optional.of("ingest: 1 scanned, 1 new"));
    return new HealthReport(NOW, Optional.of(ingest), Optional.empty(), Optional.empty(),
        new HealthReport.Sources(0, 0, 0, List.of()), 0, 12, Map.of(Subscriber.Status.ACTIVE, 3), List.of());
  }
}
