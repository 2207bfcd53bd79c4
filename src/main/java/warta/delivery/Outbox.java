package warta.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one sender of messages to Telegram, command replies and digest broadcasts alike: keeps
 * within Telegram's limits, lets replies ahead of broadcasts, and turns each answer into an
 * outcome.
 *
 * <p>A 429 pauses the whole outbox for at least its retry_after, then the message is tried again
 * (nothing is dropped). An unavailable Bot API is tried again after 1 s, 2 s, 4 s... (at most
 * maxBackoff apart), maxAttempts times in all. A group that became a supergroup gets the message
 * under its new id; HTML that Telegram refuses goes once more as plain text. Several threads send
 * side by side, so that one slow call does not hold up the rate. Thread-safe.
 */
public final class Outbox implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  /** The wait after the first "unavailable"; each next one doubles, up to the limits' maxBackoff. */
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  /** How long {@link #close} lets messages in flight finish. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
  private static final Pattern BYTE_OFFSET = Pattern.compile("byte offset (\\d+)");
  private static final int QUOTED = 40;
  private static final String ENTRY_BREAK = "\n\n";
  private static final String CLOSED_BEFORE_SENT = "the outbox closed before it was sent";

  /** Replies to commands go ahead of broadcast traffic, at the next free slot. */
  public enum Priority { REPLY, BROADCAST }

  /** What the outbox did since it started; a moved message counts by its outcome in the new chat. */
  public record Stats(long sent, long failed, long blocked, long tooManyRequests) {}

  private final Transport transport;
  private final OutboxLimits limits;
  private final Clock clock;
  private final PaceTimer timer;
  private final Executor workers;
  private final PaceQueue queue;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled whenever a message in flight got its answer. */
  private final Condition answered = lock.newCondition();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong blocked = new AtomicLong();
  private final AtomicLong tooManyRequests = new AtomicLong();
  // Guarded by lock:
  private long sequence;
  private int inFlight;
  private boolean closed;
  /** The earliest timed wake scheduled and not yet run; null when none. */
  private Instant wakeScheduled;

  /** An outbox with enough sending threads for the limits' rate (at least 8, a quarter of the rate up to 256). */
  public Outbox(Transport transport, OutboxLimits limits) {
    this(transport, limits, Math.max(8, Math.min(256, limits.globalPerSecond() / 4)));
  }

  /**
   * @param workers threads that send side by side: at least the rate times Telegram's answer
   *     time, or the answer time becomes the limit
   */
  public Outbox(Transport transport, OutboxLimits limits, int workers) {
    this(transport, limits, new PaceClock(), workers);
  }

  private Outbox(Transport transport, OutboxLimits limits, Clock clock, int workers) {
    this(transport, limits, clock, PaceTimer.onThread(clock, "outbox-pace"), pool(workers));
  }

  /** For tests: {@code timer} wakes the pacing on {@code clock}; {@code workers} run the sends. */
  Outbox(Transport transport, OutboxLimits limits, Clock clock, PaceTimer timer, Executor workers) {
    this.transport = requireNonNull(transport, "transport");
    this.limits = requireNonNull(limits, "limits");
    this.clock = requireNonNull(clock, "clock");
    this.timer = requireNonNull(timer, "timer");
    this.workers = requireNonNull(workers, "workers");
    this.queue = new PaceQueue(limits);
  }

  /**
   * Sends {@code html} (Telegram HTML) to the chat within the limits, and blocks until Telegram
   * took it or it was given up. An interrupt while the message still waits takes it back
   * ({@code Failed}); once it is being sent, the outcome is awaited and the interrupt kept.
   *
   * @param group whether the chat is a group (20 messages a minute)
   */
  public SendOutcome send(long chatId, boolean group, String html, Priority priority) {
    return send(chatId, group, Outgoing.html(html), priority);
  }

  /** Sends a message (maybe with buttons, maybe an edit) as {@link #send(long, boolean, String, Priority)} does. */
  public SendOutcome send(long chatId, boolean group, Outgoing content, Priority priority) {
    OutboxMessage message = enqueue(chatId, group, content, priority);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return message.outcome.get();
        } catch (InterruptedException e) {
          interrupted = true;
          if (withdraw(message)) {
            return message.outcome.join();
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("the outbox never fails an outcome", e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Queues a message without waiting; the future completes with what {@link #send} would return. */
  CompletableFuture<SendOutcome> submit(long chatId, boolean group, String html, Priority priority) {
    return submit(chatId, group, Outgoing.html(html), priority);
  }

  /**
   * Queues a message without waiting: the caller goes on while it waits for its slot. A chat's
   * messages of one priority still go in the order they were submitted.
   */
  public CompletableFuture<SendOutcome> submit(long chatId, boolean group, Outgoing content, Priority priority) {
    return enqueue(chatId, group, content, priority).outcome;
  }

  public Stats stats() {
    return new Stats(sent.get(), failed.get(), blocked.get(), tooManyRequests.get());
  }

  /**
   * Stops: messages still waiting are {@code Failed} at once (the ledger retries them next run),
   * those in flight get up to 10 s to finish.
   */
  @Override
  public void close() {
    List<OutboxMessage> left;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      left = queue.drain();
    } finally {
      lock.unlock();
    }
    for (OutboxMessage message : left) {
      settle(message, new SendOutcome.Failed(CLOSED_BEFORE_SENT));
    }
    if (!left.isEmpty()) {
      log.info("Outbox closed: {} waiting messages not sent (failed, for the next run)", left.size());
    }
    awaitInFlight(CLOSE_GRACE);
    timer.close();
    if (workers instanceof ExecutorService pool) {
      // Interrupts a call still hanging after the grace; a send that never began is failed here.
      for (Runnable never : pool.shutdownNow()) {
        if (never instanceof Attempt attempt) {
          answered(attempt.message, new Transport.Answer.Rejected(CLOSED_BEFORE_SENT));
        }
      }
    }
  }

  private OutboxMessage enqueue(long chatId, boolean group, Outgoing content, Priority priority) {
    requireNonNull(content, "content");
    requireNonNull(priority, "priority");
    OutboxMessage message;
    boolean refused;
    List<OutboxMessage> due = List.of();
    lock.lock();
    try {
      message = new OutboxMessage(chatId, group, content, priority, sequence++, false, new CompletableFuture<>());
      refused = closed;
      if (!refused) {
        queue.add(message, clock.instant());
        due = takeDue();
      }
    } finally {
      lock.unlock();
    }
    if (refused) {
      complete(message, new SendOutcome.Failed("the outbox is closed"));
    }
    start(due);
    return message;
  }

  private boolean withdraw(OutboxMessage message) {
    lock.lock();
    try {
      if (!queue.withdraw(message, clock.instant())) {
        return false;
      }
    } finally {
      lock.unlock();
    }
    complete(message, new SendOutcome.Failed("interrupted before it was sent"));
    return true;
  }

  /** Under the lock: marks what may start now in flight and makes sure the pacing wakes when more may. */
  private List<OutboxMessage> takeDue() {
    List<OutboxMessage> due = queue.takeDue(clock.instant());
    inFlight += due.size();
    Instant at = queue.wakeAt();
    if (at != null && !closed && (wakeScheduled == null || at.isBefore(wakeScheduled))) {
      wakeScheduled = at;
      timer.schedule(at, () -> woke(at));
    }
    return due;
  }

  private void woke(Instant at) {
    List<OutboxMessage> due;
    lock.lock();
    try {
      if (at.equals(wakeScheduled)) {
        wakeScheduled = null;
      }
      due = takeDue();
    } finally {
      lock.unlock();
    }
    start(due);
  }

  private void start(List<OutboxMessage> due) {
    for (OutboxMessage message : due) {
      try {
        workers.execute(new Attempt(message));
      } catch (RejectedExecutionException e) {
        answered(message, new Transport.Answer.Rejected(CLOSED_BEFORE_SENT));
      }
    }
  }

  /** One try of one message, on a worker thread. */
  private final class Attempt implements Runnable {
    final OutboxMessage message;

    Attempt(OutboxMessage message) {
      this.message = message;
    }

    @Override
    public void run() {
      Transport.Answer answer;
      try {
        answer = transport.send(message.chatId, message.content);
      } catch (RuntimeException e) {
        log.warn("Message to chat {} not sent: the transport failed", message.chatId, e);
        answer = new Transport.Answer.Rejected("the transport failed: " + e);
      }
      answered(message, answer);
    }
  }

  /** Decides what an answer means for the message: an outcome, or another try (maybe in a new chat). */
  private void answered(OutboxMessage message, Transport.Answer answer) {
    SendOutcome outcome = null;
    OutboxMessage moved = null;
    boolean again = false;
    List<OutboxMessage> due;
    lock.lock();
    try {
      Instant now = clock.instant();
      if (answer instanceof Transport.Answer.Accepted accepted) {
        outcome = new SendOutcome.Sent(message.chatId, accepted.messageId());
      } else if (answer instanceof Transport.Answer.TooManyRequests tooMany) {
        tooManyRequests.incrementAndGet();
        log.warn("Telegram answered 429 for chat {}: all sending paused for {} s", message.chatId,
            tooMany.retryAfter().toMillis() / 1000.0);
        queue.pauseUntil(now.plus(tooMany.retryAfter()));
        again = true;
      } else if (answer instanceof Transport.Answer.Unavailable unavailable) {
        message.attempts++;
        if (message.attempts >= limits.maxAttempts()) {
          outcome = new SendOutcome.Failed("not sent after " + message.attempts + " attempts: "
              + unavailable.description());
        } else {
          message.notBefore = now.plus(backoff(message.attempts));
          again = true;
        }
      } else if (answer instanceof Transport.Answer.Gone gone) {
        outcome = new SendOutcome.Blocked(gone.description());
      } else if (answer instanceof Transport.Answer.Migrated migrated) {
        if (message.moved) {
          outcome = new SendOutcome.Failed("chat " + message.chatId + " moved again, to " + migrated.newChatId());
        } else {
          log.info("Chat {} became supergroup {}: the message goes there", message.chatId, migrated.newChatId());
          moved = message.movedTo(migrated.newChatId());
        }
      } else if (answer instanceof Transport.Answer.RefusedMarkup refused && message.content.html()) {
        log.warn("Telegram refused the HTML of a message to chat {} ({}); sending it as plain text. Entry: {}",
            message.chatId, refused.description(), culprit(message.content.text(), refused.description()));
        message.asPlainText();
        again = true;
      } else if (answer instanceof Transport.Answer.RefusedMarkup refused) {
        outcome = new SendOutcome.Failed(refused.description());
      } else if (answer instanceof Transport.Answer.Rejected rejected) {
        outcome = new SendOutcome.Failed(rejected.description());
      }
      if (closed && (again || moved != null)) {
        outcome = new SendOutcome.Failed(CLOSED_BEFORE_SENT);
        again = false;
        moved = null;
      }
      queue.finished(message, now, again);
      if (moved != null) {
        queue.add(moved, now);
      }
      inFlight--;
      answered.signalAll();
      due = takeDue();
    } finally {
      lock.unlock();
    }
    if (outcome != null) {
      complete(message, outcome);
    }
    start(due);
  }

  private void complete(OutboxMessage message, SendOutcome outcome) {
    if (outcome instanceof SendOutcome.Blocked b) {
      log.info("Chat {} is gone: {}", message.chatId, b.reason());
    } else if (outcome instanceof SendOutcome.Failed f) {
      log.warn("Message to chat {} not sent: {}", message.chatId, f.reason());
    }
    settle(message, outcome);
  }

  /** Counts the outcome and hands it to the caller. */
  private void settle(OutboxMessage message, SendOutcome outcome) {
    (outcome instanceof SendOutcome.Sent ? sent : outcome instanceof SendOutcome.Blocked ? blocked : failed)
        .incrementAndGet();
    message.outcome.complete(message.moved ? new SendOutcome.Moved(message.chatId, outcome) : outcome);
  }

  /** 1 s after the first "unavailable", doubling, at most maxBackoff. */
  private Duration backoff(int attempts) {
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 30));
    return wait.compareTo(limits.maxBackoff()) > 0 ? limits.maxBackoff() : wait;
  }

  private void awaitInFlight(Duration timeout) {
    long waitNanos = timeout.toNanos();
    lock.lock();
    try {
      while (inFlight > 0 && waitNanos > 0) {
        waitNanos = answered.awaitNanos(waitNanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The first 40 characters of the digest entry (entries are apart by a blank line) holding the
   * byte offset Telegram names ("... at byte offset 123"), or of the text when it names none.
   */
  static String culprit(String html, String description) {
    int from = 0;
    Matcher offset = BYTE_OFFSET.matcher(description);
    if (offset.find()) {
      int at = charIndex(html, Long.parseLong(offset.group(1)));
      int entryBreak = html.lastIndexOf(ENTRY_BREAK, at - 1);
      from = entryBreak < 0 ? 0 : entryBreak + ENTRY_BREAK.length();
    }
    int to = Math.min(html.length(), from + QUOTED);
    if (to > from && to < html.length() && Character.isHighSurrogate(html.charAt(to - 1))) {
      to--; // never half an emoji
    }
    return html.substring(from, to);
  }

  /** The index of the character at a UTF-8 byte offset (the end when past it). */
  private static int charIndex(String text, long byteOffset) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      if (bytes >= byteOffset) {
        return i;
      }
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3; // a surrogate pair is 4 bytes
    }
    return text.length();
  }

  private static ExecutorService pool(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("outbox: workers=" + workers + " must be at least 1");
    }
    var threads = new AtomicInteger();
    var pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, "outbox-send-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
