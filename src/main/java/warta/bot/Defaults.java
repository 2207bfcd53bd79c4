package warta.bot;

import java.time.LocalTime;
import java.time.ZoneId;
import warta.i18n.Language;

/**
 * What a new reader starts with, from the settings.
 *
 * @param zone the time zone for readers who are not Indonesian
 * @param indonesianZone the time zone for Indonesian readers (Asia/Jakarta)
 */
public record Defaults(ZoneId zone, ZoneId indonesianZone, LocalTime deliveryTime) {

  public ZoneId zoneFor(Language language) {
    return language == Language.ID ? indonesianZone : zone;
  }
}
