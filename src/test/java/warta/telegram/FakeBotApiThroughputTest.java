package warta.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Proves the fake is no bottleneck for delivery benchmarks. The sender is plain OkHttp posting exactly the JSON
 * TelegramBots writes, because on two cores the full client costs more CPU than the fake and would be measured instead.
 */
class FakeBotApiThroughputTest {

  private static final Logger log = LoggerFactory.getLogger(FakeBotApiThroughputTest.class);
  private static final int SENDERS = 4;
  private static final Duration MEASURED = Duration.ofSeconds(2);
  private static final MediaType JSON = MediaType.get("application/json");

  private final FakeBotApi botApi = FakeBotApi.start();
  private final OkHttpClient http = new OkHttpClient();
  private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
  private final String url = "http://" + botApi.host() + ":" + botApi.port() + "/botTEST_TOKEN/sendmessage";
  private final String digestTemplate;

  FakeBotApiThroughputTest() throws IOException {
    digestTemplate = new ObjectMapper().writeValueAsString(SendMessage.builder().chatId(0L).parseMode("HTML")
        .text("<b>Asia</b>\n• Floods in <i>Jakarta</i> &amp; Bekasi — <a href=\"https://example.com/a\">more</a>")
        .build());
  }

  @AfterEach
  void stop() {
    senders.shutdownNow();
    botApi.close();
  }

  @Test
  void answersWellOverAThousandHtmlSendsPerSecond() throws Exception {
    sendFor(Duration.ofSeconds(2)); // the JIT needs about that long: the first second runs at a tenth of the speed

    long sent = sendFor(MEASURED);

    double perSecond = sent / (MEASURED.toNanos() / 1e9);
    log.info("FakeBotApi answered {} HTML sendMessage calls/s from {} senders", Math.round(perSecond), SENDERS);
    assertThat(perSecond).isGreaterThan(1000);
    assertThat(botApi.violations()).isEmpty();
  }

  /** Sends from every sender until {@code duration} has passed, each to new chats; returns the sends answered 200. */
  private long sendFor(Duration duration) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    var sent = new AtomicLong();
    List<Future<?>> running = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      long firstChat = 1_000_000L * (s + 1);
      running.add(senders.submit(() -> {
        for (long chat = firstChat; System.nanoTime() < end; chat++) {
          if (send(chat)) sent.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> sender : running) sender.get();
    return sent.get();
  }

  private boolean send(long chatId) throws IOException {
    String body = digestTemplate.replace("\"chat_id\":\"0\"", "\"chat_id\":\"" + chatId + "\"");
    try (Response response = http.newCall(new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build())
        .execute()) {
      return response.code() == 200;
    }
  }
}
