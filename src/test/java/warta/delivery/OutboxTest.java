package warta.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import warta.delivery.Outbox.Priority;
import warta.delivery.Transport.Answer;

/**
 * The outbox on a clock the test moves: the pacing timer runs its tasks as the test asks, and
 * the transport answers at once (or after a scripted latency) on the same thread, so every send
 * happens at an exact time.
 */
class OutboxTest {

  private static final Instant T0 = Instant.parse("2025-01-06T07:00:00Z");
  /** 10 messages/s, so that starts are 100 ms apart. */
  private static final OutboxLimits TEN_PER_SECOND = new OutboxLimits(10, 1, 20, 4, Duration.ofSeconds(2));

  private final MutableClock clock = new MutableClock(T0);
  private final ManualTimer timer = new ManualTimer(clock);
  private final ScriptedTransport transport = new ScriptedTransport(clock);
  private Outbox outbox = new Outbox(transport, TEN_PER_SECOND, clock, timer, Runnable::run);

  @AfterEach
  void close() {
    outbox.close();
  }

  @Test
  void messagesToDifferentChatsStartOneOverTheRateApart() {
    for (long chat = 1; chat <= 4; chat++) {
      outbox.submit(chat, false, "news " + chat, Priority.BROADCAST);
    }

    timer.runUntilIdle();

    assertThat(transport.calls()).containsExactly(
        call(0, 1, "news 1"), call(100, 2, "news 2"), call(200, 3, "news 3"), call(300, 4, "news 4"));
  }

  @Test
  void aWakeALittleLateKeepsTheScheduleSoNoSlotIsLost() {
    for (long chat = 1; chat <= 4; chat++) {
      outbox.submit(chat, false, "news " + chat, Priority.BROADCAST);
    }

    clock.set(T0.plusMillis(130)); // the pacing thread wakes 30 ms after the 100 ms slot
    timer.runUntil(T0.plusMillis(130));
    timer.runUntilIdle();

    assertThat(transport.calls()).containsExactly(
        call(0, 1, "news 1"), call(130, 2, "news 2"), call(200, 3, "news 3"), call(300, 4, "news 4"));
  }

  @Test
  void slowAnswersHoldBackTheNextSendsSoThatNoSecondEverHoldsMoreThanTheRate() {
    outbox = new Outbox(transport, new OutboxLimits(2, 1, 20, 4, Duration.ofSeconds(2)), clock, timer, Runnable::run);
    transport.latency = Duration.ofMillis(300);
    for (long chat = 1; chat <= 3; chat++) {
      outbox.submit(chat, false, "news " + chat, Priority.BROADCAST);
    }

    timer.runUntilIdle();

    // Answered at 0.3 s and 0.8 s: Telegram may have counted either as late as that, so the third waits until 1.3 s.
    assertThat(transport.calls()).containsExactly(
        call(0, 1, "news 1"), call(500, 2, "news 2"), call(1300, 3, "news 3"));
  }

  @Test
  void oneChatGetsItsMessagesInOrderASecondApartWhileOtherChatsGoOn() {
    outbox.submit(1, false, "part 1", Priority.BROADCAST);
    outbox.submit(1, false, "part 2", Priority.BROADCAST);
    outbox.submit(1, false, "part 3", Priority.BROADCAST);
    outbox.submit(2, false, "other chat", Priority.BROADCAST);

    timer.runUntilIdle();

    assertThat(transport.calls()).containsExactly(
        call(0, 1, "part 1"), call(100, 2, "other chat"), call(1000, 1, "part 2"), call(2000, 1, "part 3"));
  }

  @Test
  void aGroupGetsAtMostTwentyMessagesInAnyMinute() {
    List<CompletableFuture<SendOutcome>> outcomes = IntStream.rangeClosed(1, 21)
        .mapToObj(i -> outbox.submit(-100, true, "part " + i, Priority.BROADCAST)).toList();

    timer.runUntilIdle();

    List<Call> calls = transport.calls();
    assertThat(calls).hasSize(21);
    assertThat(calls.subList(0, 20)).extracting(Call::at)
        .isEqualTo(IntStream.range(0, 20).mapToObj(Duration::ofSeconds).toList());
    assertThat(calls.get(20)).isEqualTo(new Call(Duration.ofSeconds(60), -100, "part 21", true));
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isCompletedWithValueMatching(SendOutcome.Sent.class::isInstance));
  }

  @Test
  void aReplyQueuedDuringABroadcastGoesOutAtTheNextFreeSlot() {
    for (long chat = 1; chat <= 100; chat++) {
      outbox.submit(chat, false, "digest " + chat, Priority.BROADCAST);
    }
    timer.runUntil(T0.plusMillis(250));

    var reply = outbox.submit(999, false, "reply", Priority.REPLY);
    timer.runUntil(T0.plusMillis(400));

    assertThat(transport.calls()).containsExactly(call(0, 1, "digest 1"), call(100, 2, "digest 2"),
        call(200, 3, "digest 3"), call(300, 999, "reply"), call(400, 4, "digest 4"));
    assertThat(reply).isCompletedWithValue(new SendOutcome.Sent(999, 1));
  }

  @Test
  void tooManyRequestsPausesEveryChatForAtLeastRetryAfterThenTriesTheMessageAgain() {
    transport.script(1, new Answer.TooManyRequests(Duration.ofSeconds(5)));
    var first = outbox.submit(1, false, "news 1", Priority.BROADCAST);
    outbox.submit(2, false, "news 2", Priority.BROADCAST);
    outbox.submit(3, false, "news 3", Priority.REPLY);

    timer.runUntilIdle();

    assertThat(transport.calls()).containsExactly(call(0, 1, "news 1"),
        call(5000, 3, "news 3"), call(5100, 1, "news 1"), call(5200, 2, "news 2"));
    assertThat(first).isCompletedWithValue(new SendOutcome.Sent(1, 1));
    assertThat(outbox.stats()).isEqualTo(new Outbox.Stats(3, 0, 0, 1));
  }

  @Test
  void theRetryAfterCountsFromTheAnswerNotFromTheSend() {
    transport.latency = Duration.ofMillis(700);
    transport.script(1, new Answer.TooManyRequests(Duration.ofSeconds(3)));
    outbox.submit(1, false, "news", Priority.BROADCAST);

    timer.runUntilIdle();

    assertThat(transport.calls()).containsExactly(call(0, 1, "news"), call(3700, 1, "news"));
  }

  @Test
  void anUnavailableApiIsTriedAgainAfterDoublingWaitsUpToMaxBackoffThenFails() {
    transport.script(1, new Answer.Unavailable("502 Bad Gateway"), new Answer.Unavailable("502 Bad Gateway"),
        new Answer.Unavailable("502 Bad Gateway"), new Answer.Unavailable("502 Bad Gateway"));
    var outcome = outbox.submit(1, false, "news", Priority.BROADCAST);

    timer.runUntilIdle();

    // Waits of 1 s, 2 s, then 2 s again (maxBackoff); four attempts in all.
    assertThat(transport.calls()).extracting(Call::at).containsExactly(Duration.ZERO, Duration.ofSeconds(1),
        Duration.ofSeconds(3), Duration.ofSeconds(5));
    assertThat(outcome).isCompletedWithValue(new SendOutcome.Failed("not sent after 4 attempts: 502 Bad Gateway"));
    assertThat(outbox.stats()).isEqualTo(new Outbox.Stats(0, 1, 0, 0));
  }

  @Test
  void aMessageThatGetsThroughOnALaterAttemptIsSent() {
    transport.script(1, new Answer.Unavailable("500 Internal Server Error"));
    var outcome = outbox.submit(1, false, "news", Priority.BROADCAST);

    timer.runUntilIdle();

    assertThat(transport.calls()).extracting(Call::at).containsExactly(Duration.ZERO, Duration.ofSeconds(1));
    assertThat(outcome).isCompletedWithValue(new SendOutcome.Sent(1, 1));
  }

  @Test
  void aChatsNextMessageWaitsWhileTheOneBeforeIsTriedAgain() {
    transport.script(1, new Answer.Unavailable("504 Gateway Timeout"), new Answer.Unavailable("504 Gateway Timeout"));
    outbox.submit(1, false, "part 1", Priority.BROADCAST);
    outbox.submit(1, false, "part 2", Priority.BROADCAST);

    timer.runUntilIdle();

    assertThat(transport.calls()).containsExactly(call(0, 1, "part 1"), call(1000, 1, "part 1"),
        call(3000, 1, "part 1"), call(4000, 1, "part 2"));
  }

  @Test
  void aChatThatBlockedTheBotIsBlockedWithoutAnotherTry() {
    transport.script(1, new Answer.Gone("Forbidden: bot was blocked by the user"));
    var outcome = outbox.submit(1, false, "news", Priority.BROADCAST);

    timer.runUntilIdle();

    assertThat(transport.calls()).hasSize(1);
    assertThat(outcome).isCompletedWithValue(new SendOutcome.Blocked("Forbidden: bot was blocked by the user"));
    assertThat(outbox.stats()).isEqualTo(new Outbox.Stats(0, 0, 1, 0));
  }

  @Test
  void aRejectedMessageFailsWithoutAnotherTry() {
    transport.script(1, new Answer.Rejected("400 Bad Request: message is too long"));
    var outcome = outbox.submit(1, false, "news", Priority.BROADCAST);

    timer.runUntilIdle();

    assertThat(transport.calls()).hasSize(1);
    assertThat(outcome).isCompletedWithValue(new SendOutcome.Failed("400 Bad Request: message is too long"));
  }

  @Test
  void aGroupThatBecameASupergroupGetsTheMessageUnderItsNewId() {
    transport.script(-100, new Answer.Migrated(-1001234567890L));
    var outcome = outbox.submit(-100, true, "news", Priority.BROADCAST);

    timer.runUntilIdle();

    assertThat(transport.calls()).containsExactly(call(0, -100, "news"), call(100, -1001234567890L, "news"));
    assertThat(outcome).isCompletedWithValue(
        new SendOutcome.Moved(-1001234567890L, new SendOutcome.Sent(-1001234567890L, 1)));
    assertThat(outbox.stats()).isEqualTo(new Outbox.Stats(1, 0, 0, 0));
  }

  @Test
  void aSecondMigrationInARowFailsInsteadOfFollowingOnAndOn() {
    transport.script(-100, new Answer.Migrated(-1001));
    transport.script(-1001, new Answer.Migrated(-1002));
    var outcome = outbox.submit(-100, true, "news", Priority.BROADCAST);

    timer.runUntilIdle();

    assertThat(outcome).isCompletedWithValue(
        new SendOutcome.Moved(-1001, new SendOutcome.Failed("chat -1001 moved again, to -1002")));
  }

  @Test
  void htmlThatTelegramRefusesIsSentOnceMoreAsPlainText() {
    transport.script(1, new Answer.RefusedMarkup(
        "Bad Request: can't parse entities: Unsupported start tag \"p\" at byte offset 29"));
    var outcome = outbox.submit(1, false, "<b>Floods</b> in Jakarta &amp; <p>Bekasi</p>", Priority.REPLY);

    timer.runUntilIdle();

    assertThat(transport.calls()).containsExactly(call(0, 1, "<b>Floods</b> in Jakarta &amp; <p>Bekasi</p>"),
        new Call(Duration.ofSeconds(1), 1, "Floods in Jakarta & Bekasi", false));
    assertThat(outcome).isCompletedWithValue(new SendOutcome.Sent(1, 1));
  }

  @Test
  void plainTextThatIsRefusedTooFailsWithoutAThirdTry() {
    transport.script(1, new Answer.RefusedMarkup("Bad Request: can't parse entities: odd"),
        new Answer.RefusedMarkup("Bad Request: can't parse entities: odder"));
    var outcome = outbox.submit(1, false, "<b>x</b>", Priority.REPLY);

    timer.runUntilIdle();

    assertThat(transport.calls()).hasSize(2);
    assertThat(outcome).isCompletedWithValue(new SendOutcome.Failed("Bad Request: can't parse entities: odder"));
  }

  @Test
  void theLogQuotesTheFirst40CharactersOfTheEntryWhereTelegramFoundTheBadMarkup() {
    String first = "<b>Gempa di Cianjur — 5,6 SR</b>\n<i>Kompas</i>";
    String second = "<b>Banjir <p>Bekasi</p> merendam ratusan rumah warga</b>";
    String html = first + "\n\n" + second;
    int offset = (first + "\n\n<b>Banjir ").getBytes(StandardCharsets.UTF_8).length;

    String quoted = Outbox.culprit(html, "Bad Request: can't parse entities: Unsupported start tag \"p\" at byte offset "
        + offset);

    assertThat(quoted).isEqualTo("<b>Banjir <p>Bekasi</p> merendam ratusan");
  }

  @Test
  void withoutAByteOffsetTheLogQuotesTheStartOfTheMessage() {
    assertThat(Outbox.culprit("<b>Gempa di Cianjur — 5,6 SR</b>\n<i>Kompas</i>", "can't parse entities"))
        .isEqualTo("<b>Gempa di Cianjur — 5,6 SR</b>\n<i>Komp");
  }

  @Test
  void aBrokenTransportFailsTheMessageAndTheOutboxGoesOn() {
    transport.script(1, ScriptedTransport.THROW);
    var broken = outbox.submit(1, false, "news 1", Priority.BROADCAST);
    var next = outbox.submit(2, false, "news 2", Priority.BROADCAST);

    timer.runUntilIdle();

    assertThat(broken).isCompletedWithValue(new SendOutcome.Failed(
        "the transport failed: java.lang.IllegalStateException: scripted failure"));
    assertThat(next).isCompletedWithValue(new SendOutcome.Sent(2, 1));
  }

  @Test
  void closingFailsWhatStillWaitsSoThatTheNextRunSendsIt() {
    var first = outbox.submit(1, false, "part 1", Priority.BROADCAST);
    var second = outbox.submit(1, false, "part 2", Priority.BROADCAST);

    outbox.close();

    assertThat(first).isCompletedWithValue(new SendOutcome.Sent(1, 1));
    assertThat(second).isCompletedWithValue(new SendOutcome.Failed("the outbox closed before it was sent"));
    assertThat(outbox.submit(2, false, "late", Priority.REPLY))
        .isCompletedWithValue(new SendOutcome.Failed("the outbox is closed"));
  }

  @Test
  void sendBlocksUntilTelegramTookTheMessage() {
    try (var real = new Outbox((chatId, message) -> new Answer.Accepted(42), OutboxLimits.telegramDefaults())) {

      SendOutcome outcome = real.send(7, false, "<b>hello</b>", Priority.REPLY);

      assertThat(outcome).isEqualTo(new SendOutcome.Sent(7, 42));
    }
  }

  @Test
  void limitsBeyondWhatTelegramAllowsAreRefusedWithTheValue() {
    assertThatThrownBy(() -> OutboxLimits.telegramDefaults().withGlobalPerSecond(1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outbox: globalPerSecond=1001 is not a rate Telegram allows (1-1000 messages/s)");
  }

  // ---- helpers

  /** One call the transport got, {@code at} after the test's start. */
  record Call(Duration at, long chatId, String text, boolean html) {}

  private static Call call(long millis, long chatId, String text) {
    return new Call(Duration.ofMillis(millis), chatId, text, true);
  }

  /** Answers per chat as scripted, then accepts; message ids count up per chat. */
  private static final class ScriptedTransport implements Transport {
    /** Scripted instead of an answer: the call throws. */
    static final Answer THROW = new Answer.Rejected("the transport throws");

    private final MutableClock clock;
    private final Map<Long, Deque<Answer>> scripted = new HashMap<>();
    private final Map<Long, Integer> messageIds = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    /** How long each call takes: the clock moves on by this before the answer. */
    Duration latency = Duration.ZERO;

    ScriptedTransport(MutableClock clock) {
      this.clock = clock;
    }

    /** The next answers for the chat, in order. */
    void script(long chatId, Answer... answers) {
      scripted.computeIfAbsent(chatId, id -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    List<Call> calls() {
      return List.copyOf(calls);
    }

    @Override
    public Answer send(long chatId, Outgoing message) {
      calls.add(new Call(Duration.between(T0, clock.instant()), chatId, message.text(), message.html()));
      clock.advance(latency);
      Deque<Answer> queue = scripted.get(chatId);
      Answer answer = queue == null || queue.isEmpty() ? null : queue.removeFirst();
      if (answer == THROW) {
        throw new IllegalStateException("scripted failure");
      }
      return answer != null ? answer : new Answer.Accepted(messageIds.merge(chatId, 1, Integer::sum));
    }
  }

  /** Runs the outbox's timed wakes when the test says, moving the clock to each wake's time. */
  private static final class ManualTimer implements PaceTimer {
    private record Task(Instant at, long order, Runnable run) {}

    private final MutableClock clock;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.at().equals(b.at())
        ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
    private long order;

    ManualTimer(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public void schedule(Instant at, Runnable task) {
      tasks.add(new Task(at, order++, task));
    }

    @Override
    public void close() {
      tasks.clear();
    }

    void runUntilIdle() {
      runUntil(Instant.MAX);
    }

    /** Runs every wake due by {@code until} (a wake may schedule the next); the clock ends at {@code until}. */
    void runUntil(Instant until) {
      for (int run = 0; !tasks.isEmpty() && !tasks.peek().at().isAfter(until); run++) {
        if (run > 100_000) throw new AssertionError("the outbox keeps waking: " + tasks.peek());
        Task task = tasks.poll();
        if (task.at().isAfter(clock.instant())) {
          clock.set(task.at());
        }
        task.run().run();
      }
      if (!until.equals(Instant.MAX) && until.isAfter(clock.instant())) {
        clock.set(until);
      }
    }
  }
}
