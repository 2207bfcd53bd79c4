package warta.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Telegram's flood limits on sending (Bots FAQ): messages per second overall and per chat, per minute per group. */
final class SendLimits {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  private static final long MINUTE = Duration.ofMinutes(1).toNanos();

  private final Window global;
  private final int perChatPerSecond;
  private final int perGroupPerMinute;
  private final Map<Long, Window> chats = new HashMap<>();
  private final Map<Long, Window> groups = new HashMap<>();

  SendLimits(int globalPerSecond, int perChatPerSecond, int perGroupPerMinute) {
    if (globalPerSecond < 1 || perChatPerSecond < 1 || perGroupPerMinute < 1) {
      throw new IllegalArgumentException("limits must be at least 1, got " + globalPerSecond + "/s, "
          + perChatPerSecond + "/s per chat, " + perGroupPerMinute + "/min per group");
    }
    this.global = new Window(globalPerSecond, SECOND);
    this.perChatPerSecond = perChatPerSecond;
    this.perGroupPerMinute = perGroupPerMinute;
  }

  /** Methods that post a message; sendChatAction only shows "typing". */
  static boolean isSend(String method) {
    return method.startsWith("send") && !method.equals("sendChatAction")
        || method.startsWith("forward") || method.startsWith("copy");
  }

  /**
   * Counts a send to {@code chatId} (negative: a group) at {@code nowNanos} if every limit allows it; otherwise
   * counts nothing and returns the whole seconds until the fullest window frees a slot (at least 1), as Telegram's
   * {@code retry_after}. Zero means sent.
   */
  synchronized long retryAfterSeconds(long chatId, long nowNanos) {
    Window chat = chats.computeIfAbsent(chatId, id -> new Window(perChatPerSecond, SECOND));
    Window group = chatId < 0 ? groups.computeIfAbsent(chatId, id -> new Window(perGroupPerMinute, MINUTE)) : null;
    long waitNanos = Math.max(global.waitNanos(nowNanos), chat.waitNanos(nowNanos));
    if (group != null) waitNanos = Math.max(waitNanos, group.waitNanos(nowNanos));
    if (waitNanos > 0) return Math.max(1, (waitNanos + SECOND - 1) / SECOND);
    global.add(nowNanos);
    chat.add(nowNanos);
    if (group != null) group.add(nowNanos);
    return 0;
  }

  /** The times of the sends within the last {@code lengthNanos}, at most {@code capacity} of them. */
  private static final class Window {
    private final int capacity;
    private final long lengthNanos;
    private final Deque<Long> times = new ArrayDeque<>();

    Window(int capacity, long lengthNanos) {
      this.capacity = capacity;
      this.lengthNanos = lengthNanos;
    }

    long waitNanos(long now) {
      while (!times.isEmpty() && now - times.peekFirst() >= lengthNanos) times.removeFirst();
      return times.size() < capacity ? 0 : times.peekFirst() + lengthNanos - now;
    }

    void add(long now) {
      times.addLast(now);
    }
  }
}
