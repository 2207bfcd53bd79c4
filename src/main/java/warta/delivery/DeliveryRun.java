package warta.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import warta.digest.Digest;
import warta.digest.DigestBuilder;
import warta.subscriber.Subscriber;
import warta.subscriber.SubscriberStore;

/**
 * One sweep of due digests: first the deliveries an earlier run left unfinished, then every
 * active reader whose delivery time has come today in their zone (DST-correct) and who has no
 * digest for today: build, record in the ledger, send. A digest later than the grace is skipped
 * with a log line. Sends run side by side so that the sender can keep to its rate.
 */
public final class DeliveryRun {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRun.class);
  /** Attempts over runs before a failed delivery is left for the operator. */
  static final int MAX_ATTEMPTS = 5;
  /** However the reader moves their zone or time, no second daily digest within this time. */
  private static final Duration MIN_APART = Duration.ofHours(20);

  private final SubscriberStore subscribers;
  private final DigestBuilder digests;
  private final DeliveryLedger ledger;
  private final MessageSender sender;
  private final Duration grace;
  private final int parallel;
  private final Clock clock;
  private final java.util.function.LongSupplier tooManyRequests;

  /**
   * @param grace how late a due digest may still go out (after downtime)
   * @param parallel how many digests are sent side by side
   */
  public DeliveryRun(SubscriberStore subscribers, DigestBuilder digests, DeliveryLedger ledger, MessageSender sender,
                     Duration grace, int parallel, Clock clock) {
    this(subscribers, digests, ledger, sender, grace, parallel, clock, () -> 0);
  }

  /** @param tooManyRequests the sender's running count of 429 answers, for each run's report */
  public DeliveryRun(SubscriberStore subscribers, DigestBuilder digests, DeliveryLedger ledger, MessageSender sender,
                     Duration grace, int parallel, Clock clock, java.util.function.LongSupplier tooManyRequests) {
    this.tooManyRequests = tooManyRequests;
    this.subscribers = subscribers;
    this.digests = digests;
    this.ledger = ledger;
    this.sender = sender;
    this.grace = grace;
    this.parallel = parallel;
    this.clock = clock;
  }

  /** A reader whose digest is due, and the local date it is for. */
  public record Due(Subscriber reader, LocalDate date, Duration late) {}

  /** One sweep now. */
  public RunReport run() {
    long started = System.nanoTime();
    long tooManyBefore = tooManyRequests.getAsLong();
    Instant now = clock.instant();
    Counts counts = new Counts();
    List<DeliveryLedger.Delivery> unfinished = ledger.unfinished(MAX_ATTEMPTS);
    List<Due> due = new ArrayList<>();
    for (Due d : dueAt(now)) {
      if (d.late().compareTo(grace) > 0) {
        counts.skipped.incrementAndGet();
        log.info("Digest for chat {} on {} skipped: {} min late, over the grace of {} min", d.reader().chatId(),
            d.date(), d.late().toMinutes(), grace.toMinutes());
        ledger.skip(d.reader().chatId(), d.date(), "late by " + d.late().toMinutes() + " min");
      } else {
        due.add(d);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), r -> {
      Thread t = new Thread(r, "deliver");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> work = new ArrayList<>();
      for (DeliveryLedger.Delivery delivery : unfinished) {
        work.add(pool.submit(() -> send(delivery, isGroup(delivery.chatId()), counts)));
      }
      for (Due d : due) {
        work.add(pool.submit(() -> deliverDue(d, now, counts)));
      }
      for (Future<?> w : work) {
        w.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.error("Delivery run failed: {}", e.getCause().toString(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    RunReport report = new RunReport(due.size(), unfinished.size(), counts.sent.get(), counts.failed.get(),
        counts.blocked.get(), counts.skipped.get(), (int) (tooManyRequests.getAsLong() - tooManyBefore),
        Duration.ofNanos(System.nanoTime() - started));
    if (report.due() + report.resumed() + report.skipped() > 0) {
      log.info("{}", report);
    }
    return report;
  }

  /**
   * Readers whose delivery time has come today in their zone and who have no daily digest for
   * today (nor one sent less than 20 hours ago), with how late it is.
   */
  public List<Due> dueAt(Instant now) {
    List<Subscriber> active = subscribers.active();
    Set<LocalDate> dates = new java.util.HashSet<>();
    for (Subscriber s : active) {
      dates.add(now.atZone(s.zone()).toLocalDate());
    }
    Set<String> recorded = ledger.dailyKeys(dates);
    Map<Long, Instant> lastSent = ledger.lastDailySent();
    List<Due> due = new ArrayList<>();
    for (Subscriber s : active) {
      ZonedDateTime local = now.atZone(s.zone());
      ZonedDateTime scheduled = ZonedDateTime.of(local.toLocalDate(), s.deliveryTime(), s.zone());
      if (now.isBefore(scheduled.toInstant()) || recorded.contains(s.chatId() + "/" + local.toLocalDate())) {
        continue;
      }
      Instant last = lastSent.get(s.chatId());
      if (last != null && Duration.between(last, now).compareTo(MIN_APART) < 0) {
        continue;
      }
      due.add(new Due(s, local.toLocalDate(), Duration.between(scheduled.toInstant(), now)));
    }
    return due;
  }

  /** A digest as it would go out: for {@code warta deliver --dry-run}, nothing recorded or sent. */
  public record Preview(Due due, Digest digest) {}

  /** Who is due within {@code ahead} from now, and what each would receive; nothing is recorded or sent. */
  public List<Preview> preview(Duration ahead) {
    Instant now = clock.instant();
    Instant until = now.plus(ahead);
    List<Preview> previews = new ArrayList<>();
    Map<Long, Instant> lastSent = ledger.lastDailySent();
    for (Subscriber s : subscribers.active()) {
      for (LocalDate date : List.of(now.atZone(s.zone()).toLocalDate(), until.atZone(s.zone()).toLocalDate())) {
        Instant at = ZonedDateTime.of(date, s.deliveryTime(), s.zone()).toInstant();
        if (!at.isAfter(until) && !ledger.hasDigestFor(s.chatId(), date)
            && previews.stream().noneMatch(p -> p.due().reader().chatId() == s.chatId())) {
          Duration late = at.isBefore(now) ? Duration.between(at, now) : Duration.ZERO;
          previews.add(new Preview(new Due(s, date, late),
              digests.buildFor(s, date, now, Optional.ofNullable(lastSent.get(s.chatId())))));
        }
      }
    }
    return previews;
  }

  /** The digest a reader asked for now: it counts as today's when today's has not gone out yet. */
  public SendOutcome deliverNow(Subscriber reader) {
    Instant now = clock.instant();
    LocalDate today = now.atZone(reader.zone()).toLocalDate();
    Digest digest = digests.buildFor(reader, today, now, ledger.lastSentAt(reader.chatId()));
    return send(ledger.recordOnDemand(digest), reader.isGroup(), new Counts());
  }

  private void deliverDue(Due d, Instant now, Counts counts) {
    Digest digest = digests.buildFor(d.reader(), d.date(), now, ledger.lastSentAt(d.reader().chatId()));
    Optional<DeliveryLedger.Delivery> recorded = ledger.recordDaily(digest);
    if (recorded.isEmpty()) {
      return; // another run recorded it first
    }
    send(recorded.get(), d.reader().isGroup(), counts);
  }

  /** Sends what is left of a recorded delivery, from its first unconfirmed message. */
  private SendOutcome send(DeliveryLedger.Delivery delivery, boolean group, Counts counts) {
    long chat = delivery.chatId();
    ledger.sending(delivery.id());
    SendOutcome last = new SendOutcome.Failed("nothing to send");
    for (int part = delivery.partsSent(); part < delivery.parts().size(); part++) {
      SendOutcome outcome = sender.send(chat, group, delivery.parts().get(part));
      last = outcome;
      if (outcome instanceof SendOutcome.Moved moved) {
        subscribers.migrate(chat, moved.newChatId());
        chat = moved.newChatId();
        outcome = moved.there();
      }
      if (outcome instanceof SendOutcome.Sent sent) {
        ledger.partSent(delivery.id(), part, chat, sent.messageId());
      } else if (outcome instanceof SendOutcome.Blocked blocked) {
        ledger.blocked(delivery.id(), blocked.reason());
        subscribers.setStatus(chat, Subscriber.Status.BLOCKED);
        counts.blocked.incrementAndGet();
        return outcome;
      } else if (outcome instanceof SendOutcome.Failed failed) {
        ledger.failed(delivery.id(), failed.reason());
        log.warn("Digest {} for chat {} not sent: {}", delivery.id(), chat, failed.reason());
        counts.failed.incrementAndGet();
        return outcome;
      }
    }
    counts.sent.incrementAndGet();
    return last;
  }

  private boolean isGroup(long chatId) {
    return subscribers.find(chatId).map(Subscriber::isGroup).orElse(chatId < 0);
  }

  private static final class Counts {
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger blocked = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
  }
}
