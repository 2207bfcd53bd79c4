package warta.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The updates waiting for the bot, served to getUpdates as Telegram serves them: in update_id order, kept until an
 * offset confirms them, held back up to the poll's timeout, and one poller at a time.
 */
final class UpdateQueue {

  /** What one getUpdates call gets. */
  sealed interface Answer {}

  /** The unconfirmed updates from the offset on, at most the limit; empty when the timeout passed. */
  record Updates(List<ObjectNode> updates) implements Answer {
    Updates {
      updates = List.copyOf(updates);
    }
  }

  /** A later getUpdates call took over while this one waited: Telegram answers the waiting one 409. */
  record TakenOver() implements Answer {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Deque<ObjectNode> unconfirmed = new ArrayDeque<>();
  private long nextUpdateId = 1;
  /** Identifies the newest poll; an older one still waiting has been taken over. */
  private Object newestPoll;
  private boolean closed;

  /** Gives {@code update} the next update_id and queues it; returns it. */
  ObjectNode push(ObjectNode update) {
    lock.lock();
    try {
      update.put("update_id", nextUpdateId++);
      unconfirmed.addLast(update);
      changed.signalAll();
      return update;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Telegram's getUpdates: a positive {@code offset} confirms (drops) every update below it, a negative one keeps
   * only the last {@code -offset}, zero confirms nothing. Waits up to {@code timeout} while none is there.
   */
  Answer poll(long offset, int limit, Duration timeout) throws InterruptedException {
    lock.lock();
    var poll = new Object();
    try {
      confirm(offset);
      newestPoll = poll;
      changed.signalAll();
      long waitNanos = timeout.toNanos();
      while (true) {
        if (newestPoll != poll) return new TakenOver();
        if (!unconfirmed.isEmpty() || closed || waitNanos <= 0) return new Updates(first(limit));
        waitNanos = changed.awaitNanos(waitNanos);
      }
    } finally {
      if (newestPoll == poll) newestPoll = null;
      lock.unlock();
    }
  }

  /** Waits up to {@code timeout} for a getUpdates call to be waiting here; false if none came. */
  boolean awaitPoller(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long waitNanos = timeout.toNanos();
      while (newestPoll == null) {
        if (waitNanos <= 0) return false;
        waitNanos = changed.awaitNanos(waitNanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Ends every wait: a closing server answers its pollers with no updates. */
  void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Updates pushed and not yet confirmed by an offset. */
  int unconfirmed() {
    lock.lock();
    try {
      return unconfirmed.size();
    } finally {
      lock.unlock();
    }
  }

  private void confirm(long offset) {
    if (offset > 0) {
      while (!unconfirmed.isEmpty() && unconfirmed.peekFirst().get("update_id").asLong() < offset) {
        unconfirmed.removeFirst();
      }
    } else if (offset < 0) {
      while (unconfirmed.size() > -offset) unconfirmed.removeFirst();
    }
  }

  private List<ObjectNode> first(int limit) {
    List<ObjectNode> updates = new ArrayList<>(Math.min(limit, unconfirmed.size()));
    for (ObjectNode update : unconfirmed) {
      if (updates.size() == limit) break;
      updates.add(update);
    }
    return updates;
  }
}
