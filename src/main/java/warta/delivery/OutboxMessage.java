package warta.delivery;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One message in the outbox, from queued to its outcome: where it goes, what it says, how often
 * it was tried. Changed only by the thread that holds it (the outbox's lock, or the one worker
 * sending it).
 */
final class OutboxMessage {

  final long chatId;
  final boolean group;
  final Outbox.Priority priority;
  /** Order of arrival: within a priority, earlier messages go first. */
  final long sequence;
  /** Sent to a new chat after the first one migrated; the outcome then says so. */
  final boolean moved;
  final CompletableFuture<SendOutcome> outcome;

  /** What is sent; becomes plain text when Telegram refuses its HTML. */
  Outgoing content;
  /** Tries answered "unavailable". */
  int attempts;
  /** Not to be tried before (a backoff); {@link Instant#MIN} when there is none. */
  Instant notBefore = Instant.MIN;

  OutboxMessage(long chatId, boolean group, Outgoing content, Outbox.Priority priority, long sequence,
                boolean moved, CompletableFuture<SendOutcome> outcome) {
    this.chatId = chatId;
    this.group = group;
    this.content = content;
    this.priority = priority;
    this.sequence = sequence;
    this.moved = moved;
    this.outcome = outcome;
  }

  /** The same message for the supergroup a group became; it keeps its place in the queue. */
  OutboxMessage movedTo(long newChatId) {
    return new OutboxMessage(newChatId, true, content, priority, sequence, true, outcome);
  }

  /** From now on sent as the visible text of its HTML. */
  void asPlainText() {
    content = content.asPlainText();
  }
}
