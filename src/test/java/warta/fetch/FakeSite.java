package warta.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A web site on a local port: a fresh answer per path each time it is asked (404 for any other
 * path, robots.txt included), and every request it got, in order.
 */
final class FakeSite implements AutoCloseable {

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Supplier<MockResponse>> answers = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  private FakeSite() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        return answers.getOrDefault(request.getPath(), () -> new MockResponse().setResponseCode(404)).get();
      }
    });
  }

  static FakeSite start() {
    var site = new FakeSite();
    try {
      site.server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a local web server", e);
    }
    return site;
  }

  /** Answers {@code path} (with its query) with a new response from {@code answer} each time. */
  FakeSite answer(String path, Supplier<MockResponse> answer) {
    answers.put(path, answer);
    return this;
  }

  FakeSite answer(String path, int code, String body) {
    return answer(path, () -> new MockResponse().setResponseCode(code).setBody(body));
  }

  /** Sends {@code status} with {@code Location: location} for {@code path}. */
  FakeSite redirect(String path, int status, String location) {
    return answer(path, () -> new MockResponse().setResponseCode(status).setHeader("Location", location));
  }

  URI uri(String path) {
    return server.url(path).uri();
  }

  /** {@code http://localhost:port}, as robots.txt rules are kept by. */
  String origin() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  List<String> paths() {
    return requests.stream().map(RecordedRequest::getPath).toList();
  }

  /** The last request for {@code path}. */
  RecordedRequest request(String path) {
    return requests.stream().filter(r -> path.equals(r.getPath())).reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError(path + " was never asked for; asked: " + paths()));
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
