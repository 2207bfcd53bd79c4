package warta.telegram;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import warta.delivery.Outbox;
import warta.delivery.OutboxLimits;
import warta.delivery.SendOutcome;
import warta.delivery.Transport;

/**
 * A benchmark, not a test (surefire does not pick it up by name): a digest broadcast to distinct
 * private chats through Outbox, TelegramTransport and the real TelegramBots client against the
 * fake Bot API, which answers 429 to anything beyond the limits it enforces. First at Telegram's
 * free 30/s: the achieved share of the rate (goal 0.97), the 429s (goal 0), the time, and how long
 * replies sent meanwhile waited. Then at 1000/s (paid broadcasts, outbox and fake): messages per
 * second and CPU time per message. Then, shorter, with the fake answering after 100 ms as
 * Telegram far away does. Prints, never fails on a number.
 *
 * <p>Run: {@code mvn -B test -Dtest=OutboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Counts: {@code -Dbench.messages=10000} (30/s: about 5.5 min), {@code -Dbench.paidMessages=10000},
 * {@code -Dbench.slowMessages=5000}; {@code -Dbench.callers=64} threads call {@code send}, as
 * DeliveryRun's {@code parallel}.
 */
class OutboxBenchmark {

  private static final String TOKEN = "123456789:BENCHtokenBENCHtokenBENCH";
  private static final String DIGEST = "<b>Asia</b>\n• <b><a href=\"https://example.com/a\">Floods in Jakarta &amp;"
      + " Bekasi</a></b>\n<i>16 Jan 2024 · Kompas</i>\n<blockquote expandable>Thousands of homes were under water"
      + " on Tuesday after a night of rain.</blockquote>";
  private static final int CALLERS = Integer.getInteger("bench.callers", 64);
  private static final Duration BETWEEN_REPLIES = Duration.ofSeconds(2);
  private static final Duration FAR_AWAY = Duration.ofMillis(100);

  /** One run: the limit of outbox and fake, how many messages, and how the fake and the client behave. */
  private record Scenario(String name, int rate, int messages, boolean withReplies, Duration answerDelay,
                          boolean defaultClient) {}

  @Test
  @Timeout(value = 2, unit = TimeUnit.HOURS) // a benchmark, not a test: the default 5-minute limit is for tests
  void broadcast() throws Exception {
    int messages = Integer.getInteger("bench.messages", 10_000);
    int paid = Integer.getInteger("bench.paidMessages", 10_000);
    int slow = Integer.getInteger("bench.slowMessages", 5_000);
    System.out.printf(Locale.ROOT, "== Outbox broadcast (machine: %d cores, java %s)%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    run(new Scenario("warm-up (JIT)", 1000, 3000, false, Duration.ZERO, false));
    run(new Scenario("free", 30, messages, true, Duration.ZERO, false));
    run(new Scenario("paid", 1000, paid, false, Duration.ZERO, false));
    run(new Scenario("paid, answers after 100 ms", 1000, slow, false, FAR_AWAY, false));
    run(new Scenario("paid, answers after 100 ms, TelegramBots' default OkHttp client", 1000, 500, false, FAR_AWAY,
        true));
    run(new Scenario("free, answers after 100 ms", 30, 600, false, FAR_AWAY, false));
  }

  private void run(Scenario scenario) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    OutboxLimits limits = OutboxLimits.telegramDefaults().withGlobalPerSecond(scenario.rate());
    int workers = Math.max(8, Math.min(256, scenario.rate() / 4)); // as Outbox(transport, limits) chooses
    try (FakeBotApi botApi = FakeBotApi.start()) {
      botApi.enforceLimits(scenario.rate(), 1, 20);
      if (!scenario.answerDelay().isZero()) {
        botApi.failNext("sendMessage", scenario.messages() * 2, FakeBotApi.Failure.slow(scenario.answerDelay()));
      }
      TelegramClient client = scenario.defaultClient() ? new OkHttpTelegramClient(TOKEN, botApi.url())
          : TelegramTransport.client(TOKEN, botApi.url(), workers);
      var telegram = new TelegramTransport(client, TOKEN, scenario.rate() > 30);
      List<Long> callMicros = Collections.synchronizedList(new ArrayList<>());
      Transport timed = (chatId, message) -> {
        long before = System.nanoTime();
        Transport.Answer answer = telegram.send(chatId, message);
        callMicros.add((System.nanoTime() - before) / 1000);
        return answer;
      };
      // Each caller waits for its message: rate x answer time of them must be waiting to keep the rate.
      int callerCount = (int) Math.max(CALLERS, 2 * scenario.rate() * scenario.answerDelay().toMillis() / 1000);
      ExecutorService callers = Executors.newFixedThreadPool(callerCount, task -> new Thread(task, "bench-caller"));
      List<Long> replyWaits = Collections.synchronizedList(new ArrayList<>());
      var notSent = new AtomicLong();
      try (Outbox outbox = new Outbox(timed, limits, workers)) {
        Map<String, Long> cpuBefore = cpuByThreadKind(threads);
        long processCpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        var nextChat = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < callerCount; c++) {
          running.add(callers.submit(() -> {
            for (int i = nextChat.getAndIncrement(); i < scenario.messages(); i = nextChat.getAndIncrement()) {
              SendOutcome outcome = outbox.send(1_000_000L + i, false, DIGEST, Outbox.Priority.BROADCAST);
              if (!(outcome instanceof SendOutcome.Sent)) {
                notSent.incrementAndGet();
              }
            }
            return null;
          }));
        }
        Thread replier = scenario.withReplies() ? replier(outbox, nextChat, scenario.messages(), replyWaits) : null;
        for (Future<?> caller : running) {
          caller.get();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        if (replier != null) {
          replier.interrupt();
          replier.join();
        }
        long processCpu = os.getProcessCpuTime() - processCpuBefore;
        Map<String, Long> cpu = cpuByThreadKind(threads);
        cpu.replaceAll((kind, nanos) -> nanos - cpuBefore.getOrDefault(kind, 0L));
        print(scenario, callerCount, wall, botApi, outbox.stats(), notSent.get(), processCpu, cpu, callMicros,
            replyWaits);
      } finally {
        callers.shutdownNow();
      }
    }
  }

  private static void print(Scenario scenario, int callers, Duration wall, FakeBotApi botApi, Outbox.Stats stats, long notSent,
                            long processCpu, Map<String, Long> cpu, List<Long> callMicros, List<Long> replyWaits) {
    FakeBotApi.SendRate fake = botApi.sendRate();
    int rate = scenario.rate();
    double perMessage = 1e6 * fake.accepted();
    System.out.printf(Locale.ROOT, "-- %s: limit %d/s in outbox and fake; %d messages to %d private chats%s;"
        + " %d threads calling send%n", scenario.name(), rate, scenario.messages(), scenario.messages(),
        scenario.withReplies() ? ", and a reply every 2 s" : "", callers);
    System.out.printf(Locale.ROOT, "   total time %.1f s; accepted by the fake %d, not sent %d; outbox %s%n",
        seconds(wall), fake.accepted(), notSent, stats);
    System.out.printf(Locale.ROOT, "   rate at the fake (first to last accepted) %.2f/s = %.3f of %d/s; by wall clock"
        + " %.2f/s; busiest second %d%n", fake.perSecond(), fake.perSecond() / rate, rate,
        fake.accepted() / seconds(wall), fake.busiestSecond());
    System.out.printf(Locale.ROOT, "   429s: %d; other refusals by the fake: %d%n", fake.tooManyRequests(),
        botApi.violations().size());
    List<Long> calls = sorted(callMicros);
    System.out.printf(Locale.ROOT, "   one call (client + fake): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        calls.get(calls.size() / 2) / 1e3, calls.get(calls.size() * 99 / 100) / 1e3, calls.get(calls.size() - 1) / 1e3);
    System.out.printf(Locale.ROOT, "   CPU per message: %.3f ms in the process; by thread: %s%n",
        processCpu / perMessage, cpu.entrySet().stream().filter(e -> e.getValue() / perMessage >= 0.005)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue() / perMessage))
            .collect(Collectors.joining(", ")));
    if (!replyWaits.isEmpty()) {
      List<Long> waits = sorted(replyWaits);
      System.out.printf(Locale.ROOT, "   %d replies during the broadcast waited p50 %d ms, max %d ms (one slot: %.0f ms)"
          + "%n", waits.size(), waits.get(waits.size() / 2), waits.get(waits.size() - 1), 1000.0 / rate);
    }
  }

  /** Sends a reply to a new chat every 2 s while the broadcast runs, and keeps how long each took (ms). */
  private static Thread replier(Outbox outbox, AtomicInteger broadcastProgress, int messages, List<Long> waits) {
    Thread thread = new Thread(() -> {
      try {
        for (long chat = 9_000_000L; broadcastProgress.get() < messages; chat++) {
          Thread.sleep(BETWEEN_REPLIES.toMillis());
          long asked = System.nanoTime();
          if (outbox.send(chat, false, "<b>Topics</b>: world, asia", Outbox.Priority.REPLY)
              instanceof SendOutcome.Sent) {
            waits.add((System.nanoTime() - asked) / 1_000_000);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the broadcast is over
      }
    }, "bench-replier");
    thread.start();
    return thread;
  }

  /** CPU nanoseconds of the live threads by kind: the name without its number ("outbox-send-3": "outbox-send"). */
  private static Map<String, Long> cpuByThreadKind(ThreadMXBean threads) {
    Map<String, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      long nanos = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
      if (nanos > 0) {
        cpu.merge(info.getThreadName().replaceAll("[- #]*\\d+$", ""), nanos, Long::sum);
      }
    }
    return cpu;
  }

  private static List<Long> sorted(List<Long> values) {
    List<Long> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
