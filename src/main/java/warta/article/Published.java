package warta.article;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * When an article was published, exactly as precise as its page says: a date alone, a date and a
 * local time, or a date-time with its offset. The date is the calendar day as written on the page.
 */
public record Published(LocalDate date, Optional<LocalTime> time, Optional<ZoneOffset> offset) {

  public Published {
    requireNonNull(date, "date");
    requireNonNull(time, "time");
    requireNonNull(offset, "offset");
    if (offset.isPresent() && time.isEmpty()) {
      throw new IllegalArgumentException("an offset needs a time: " + date + " " + offset.get());
    }
  }

  public static Published on(LocalDate date) {
    return new Published(date, Optional.empty(), Optional.empty());
  }

  public static Published at(LocalDateTime local) {
    return new Published(local.toLocalDate(), Optional.of(local.toLocalTime()), Optional.empty());
  }

  public static Published at(OffsetDateTime dateTime) {
    return new Published(dateTime.toLocalDate(), Optional.of(dateTime.toLocalTime()),
        Optional.of(dateTime.getOffset()));
  }

  /**
   * Reads what {@link #toString} wrote.
   *
   * @throws java.time.format.DateTimeParseException when {@code iso} is none of its three forms
   */
  public static Published parse(String iso) {
    if (iso.length() <= 10) {
      return on(LocalDate.parse(iso));
    }
    var parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime withOffset ? at(withOffset) : at((LocalDateTime) parsed);
  }

  /**
   * A point in time for ordering: the exact instant when the offset is known, else the local time
   * (noon when only the date is known) read as UTC.
   */
  public Instant approximateInstant() {
    return dateTime().map(OffsetDateTime::toInstant)
        .orElseGet(() -> LocalDateTime.of(date, time.orElse(LocalTime.NOON)).toInstant(ZoneOffset.UTC));
  }

  /** The instant, when the page gave a time with its offset. */
  public Optional<OffsetDateTime> dateTime() {
    return offset.map(o -> OffsetDateTime.of(date, time.orElseThrow(), o));
  }

  /** ISO 8601 as precise as known: {@code 2024-01-16}, {@code 2024-01-16T14:05:00}, {@code 2024-01-16T14:05:00+07:00}. */
  @Override
  public String toString() {
    if (time.isEmpty()) {
      return date.toString();
    }
    LocalDateTime local = LocalDateTime.of(date, time.get().withNano(0));
    String text = local.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    return offset.map(o -> text + o.getId()).orElse(text);
  }
}
