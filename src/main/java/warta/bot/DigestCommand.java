package warta.bot;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import warta.delivery.DeliveryLedger;
import warta.digest.Digest;
import warta.digest.DigestBuilder;
import warta.subscriber.Subscriber;

/**
 * {@code /digest}: the reader's digest now, built and recorded like a scheduled one, so that its
 * stories never come again; when today's digest has not gone out yet, this one counts as today's.
 */
final class DigestCommand implements Command {

  private final Registration registration;
  private final DigestBuilder digests;
  private final DeliveryLedger ledger;
  private final Clock clock;

  DigestCommand(Registration registration, DigestBuilder digests, DeliveryLedger ledger, Clock clock) {
    this.registration = registration;
    this.digests = digests;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "digest";
  }

  @Override
  public List<Reply> run(Turn turn, String arguments) {
    Subscriber reader = registration.ensure(turn);
    Instant now = clock.instant();
    LocalDate today = now.atZone(reader.zone()).toLocalDate();
    Digest digest = digests.buildFor(reader, today, now, ledger.lastSentAt(reader.chatId()));
    // Sent as the reply to the command, which has its own retries; recorded as sent with it.
    ledger.answered(ledger.recordOnDemand(digest).id());
    return digest.parts().stream().map(Reply::text).toList();
  }
}
