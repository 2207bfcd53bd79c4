package warta.i18n;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import warta.article.Published;

/** Publication dates as a reader reads them: in their time zone when the moment is known, in their language. */
public final class Dates {

  private Dates() {}

  /**
   * {@code 16 Jan 2024, 14.05 WIB} in Indonesian, {@code 16 Jan 2024, 14:05 WIB} in English, in
   * the reader's zone when the page gave a time with its offset; the date alone otherwise (a
   * local time without an offset cannot be moved into another zone honestly).
   */
  public static String published(Published published, Language language, ZoneId zone) {
    if (published.dateTime().isPresent()) {
      String pattern = language == Language.ID ? "d MMM yyyy, HH.mm z" : "d MMM yyyy, HH:mm z";
      return published.dateTime().get().atZoneSameInstant(zone)
          .format(DateTimeFormatter.ofPattern(pattern, language.locale()));
    }
    return published.date().format(DateTimeFormatter.ofPattern("d MMM yyyy", language.locale()));
  }
}
