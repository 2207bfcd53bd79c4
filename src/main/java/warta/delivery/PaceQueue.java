package warta.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Which queued message may start when. Replies go before broadcasts (within a chat too); a
 * chat's messages of one priority go in the order they came, one at a time, a retry before the
 * rest; starts are spaced 1/rate apart and no window of Telegram's limits (in total per second,
 * per chat per second, per group per minute) is ever overfilled; after a 429 nothing starts until
 * the pause is over. Not thread-safe: the outbox calls it under its lock.
 */
final class PaceQueue {

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration CATCH_UP = Duration.ofMillis(20);
  private static final Comparator<OutboxMessage> IN_LANE = Comparator
      .<OutboxMessage, Outbox.Priority>comparing(m -> m.priority).thenComparingLong(m -> m.sequence);
  private static final Comparator<Lane> BY_READY_TIME = Comparator.<Lane, Instant>comparing(l -> l.readyAt)
      .thenComparingLong(l -> l.chatId);
  private static final Comparator<Lane> BY_PRIORITY = Comparator.<Lane, Outbox.Priority>comparing(l -> l.headPriority)
      .thenComparingLong(l -> l.headSequence).thenComparingLong(l -> l.chatId);

  private final OutboxLimits limits;
  /** 1/rate, rounded up so that {@code rate} spacings never fit in less than a second. */
  private final Duration spacing;
  /**
   * How late a start may be and keep the schedule (the slots missed follow at once): a pacing
   * thread that wakes 0.5 ms late would otherwise cost a third of 1000/s on a busy machine. The
   * windows still hold whatever the spacing lets through.
   */
  private final Duration tolerance;
  private final PaceWindow global;
  private final Map<Long, Lane> lanes = new HashMap<>();
  /** Lanes with messages whose chat or group window (or backoff) is not yet free. */
  private final NavigableSet<Lane> waiting = new TreeSet<>(BY_READY_TIME);
  /** Lanes whose next message could start now, in the order they get the next slot. */
  private final NavigableSet<Lane> eligible = new TreeSet<>(BY_PRIORITY);
  /** Lanes left empty, in the order their windows empty (private chats after 1 s, groups after 1 min). */
  private final ArrayDeque<Lane> idleChats = new ArrayDeque<>();
  private final ArrayDeque<Lane> idleGroups = new ArrayDeque<>();
  private Instant pausedUntil = Instant.MIN;
  /** The time of the next start slot; null before the first start. */
  private Instant nextSlot;
  /** When {@link #takeDue} should run again; null when only an answer can free a place. */
  private Instant wakeAt;

  PaceQueue(OutboxLimits limits) {
    this.limits = limits;
    long nanos = (SECOND.toNanos() + limits.globalPerSecond() - 1) / limits.globalPerSecond();
    this.spacing = Duration.ofNanos(nanos);
    this.tolerance = Duration.ofNanos(Math.max(nanos / 2, CATCH_UP.toNanos()));
    this.global = new PaceWindow(limits.globalPerSecond(), SECOND);
  }

  /** The messages of one chat, and that chat's windows. */
  private static final class Lane {
    final long chatId;
    final PaceWindow chat;
    PaceWindow group;
    final PriorityQueue<OutboxMessage> pending = new PriorityQueue<>(2, IN_LANE);
    boolean inFlight;
    Where where = Where.NOWHERE;
    // Keys while in waiting or eligible; they change only while the lane is in neither.
    Instant readyAt;
    Outbox.Priority headPriority;
    long headSequence;

    Lane(long chatId, PaceWindow chat) {
      this.chatId = chatId;
      this.chat = chat;
    }
  }

  private enum Where { NOWHERE, WAITING, ELIGIBLE }

  void add(OutboxMessage message, Instant now) {
    Lane lane = lanes.computeIfAbsent(message.chatId, id -> new Lane(id, new PaceWindow(limits.perChatPerSecond(),
        SECOND)));
    if (message.group && lane.group == null) {
      lane.group = new PaceWindow(limits.perGroupPerMinute(), MINUTE);
    }
    unlist(lane);
    lane.pending.add(message);
    list(lane, now);
  }

  /** Takes a message back that has not started; false when it is in flight or done. */
  boolean withdraw(OutboxMessage message, Instant now) {
    Lane lane = lanes.get(message.chatId);
    if (lane == null || !lane.pending.contains(message)) {
      return false;
    }
    unlist(lane);
    lane.pending.remove(message);
    list(lane, now);
    return true;
  }

  /** The global pause after a 429: nothing starts before {@code until}. */
  void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  /** The messages that start now, each marked in flight; then {@link #wakeAt} says when to ask again. */
  List<OutboxMessage> takeDue(Instant now) {
    forgetIdle(idleChats, now);
    forgetIdle(idleGroups, now);
    while (!waiting.isEmpty() && !waiting.first().readyAt.isAfter(now)) {
      Lane lane = waiting.pollFirst();
      lane.where = Where.NOWHERE;
      list(lane, now);
    }
    List<OutboxMessage> due = new ArrayList<>(1);
    Instant globalAt = null;
    while (!eligible.isEmpty()) {
      globalAt = globalFreeAt(now);
      if (globalAt == null || globalAt.isAfter(now)) {
        break;
      }
      Lane lane = eligible.pollFirst();
      lane.where = Where.NOWHERE;
      due.add(start(lane, now));
    }
    wakeAt = eligible.isEmpty() ? null : globalAt;
    if (!waiting.isEmpty() && (wakeAt == null || waiting.first().readyAt.isBefore(wakeAt))) {
      wakeAt = waiting.first().readyAt;
    }
    return due;
  }

  /** When {@link #takeDue} should run again (as of its last call); null when only an answer can free a place. */
  Instant wakeAt() {
    return wakeAt;
  }

  /**
   * A started message got its answer at {@code now}; {@code again} puts it back at the head of its
   * chat's queue (a retry), otherwise it is done here.
   */
  void finished(OutboxMessage message, Instant now, boolean again) {
    Lane lane = lanes.get(message.chatId);
    lane.inFlight = false;
    lane.chat.answered(now);
    if (lane.group != null) {
      lane.group.answered(now);
    }
    global.answered(now);
    if (again) {
      lane.pending.add(message);
    }
    list(lane, now);
  }

  /** Removes and returns every message not started yet. */
  List<OutboxMessage> drain() {
    List<OutboxMessage> left = new ArrayList<>();
    for (Lane lane : lanes.values()) {
      left.addAll(lane.pending);
      lane.pending.clear();
      lane.where = Where.NOWHERE;
    }
    waiting.clear();
    eligible.clear();
    left.sort(IN_LANE);
    return left;
  }

  private OutboxMessage start(Lane lane, Instant now) {
    OutboxMessage message = lane.pending.poll();
    lane.inFlight = true;
    lane.chat.started();
    if (lane.group != null) {
      lane.group.started();
    }
    global.started();
    // A start a little late keeps the schedule; one after an idle spell begins a new one.
    boolean onSchedule = nextSlot != null && !now.isAfter(nextSlot.plus(tolerance));
    nextSlot = (onSchedule ? nextSlot : now).plus(spacing);
    return message;
  }

  /** When the next start may be as far as the global limits go: now, later, or null (wait for an answer). */
  private Instant globalFreeAt(Instant now) {
    Instant at = global.freeAt(now);
    if (at == null) {
      return null;
    }
    if (pausedUntil.isAfter(at)) {
      at = pausedUntil;
    }
    if (nextSlot != null && nextSlot.isAfter(at)) {
      at = nextSlot;
    }
    return at;
  }

  /** Puts a lane that is not in flight where it belongs: eligible, waiting, or idle when it has nothing left. */
  private void list(Lane lane, Instant now) {
    if (lane.inFlight) {
      return;
    }
    OutboxMessage head = lane.pending.peek();
    if (head == null) {
      (lane.group == null ? idleChats : idleGroups).addLast(lane);
      return;
    }
    Instant readyAt = latest(now, lane.chat.freeAt(now), head.notBefore);
    if (lane.group != null) {
      readyAt = latest(readyAt, lane.group.freeAt(now), readyAt);
    }
    lane.readyAt = readyAt;
    lane.headPriority = head.priority;
    lane.headSequence = head.sequence;
    if (readyAt.isAfter(now)) {
      lane.where = Where.WAITING;
      waiting.add(lane);
    } else {
      lane.where = Where.ELIGIBLE;
      eligible.add(lane);
    }
  }

  private void unlist(Lane lane) {
    if (lane.where == Where.WAITING) {
      waiting.remove(lane);
    } else if (lane.where == Where.ELIGIBLE) {
      eligible.remove(lane);
    }
    lane.where = Where.NOWHERE;
  }

  /** Drops lanes that stayed empty until their windows emptied too; a lane busy again is kept. */
  private void forgetIdle(ArrayDeque<Lane> idle, Instant now) {
    while (!idle.isEmpty()) {
      Lane lane = idle.peekFirst();
      boolean unused = !lane.inFlight && lane.pending.isEmpty();
      if (unused && !(lane.chat.isEmpty(now) && (lane.group == null || lane.group.isEmpty(now)))) {
        return; // this one's windows are still filled; those behind it emptied no earlier
      }
      idle.removeFirst();
      if (unused) {
        lanes.remove(lane.chatId, lane);
      }
    }
  }

  private static Instant latest(Instant a, Instant b, Instant c) {
    Instant max = a.isAfter(b) ? a : b;
    return max.isAfter(c) ? max : c;
  }
}
