package warta.digest;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import warta.article.StoryEntry;
import warta.i18n.Dates;
import warta.i18n.Language;
import warta.i18n.Messages;

/**
 * A story as it reads in a Telegram message: the headline in bold (linked when its URL is
 * known), date and source in the reader's zone and language, then the lead; and lists of entries
 * cut into messages at entry boundaries.
 */
public final class EntryFormat {

  /** Telegram's limit is 4096 characters after entity parsing; counting the markup too stays under it. */
  public static final int MAX_MESSAGE = 4096;
  private static final int MAX_LEAD = 600;

  private final Messages messages;

  public EntryFormat(Messages messages) {
    this.messages = messages;
  }

  /**
   * One entry in Telegram HTML.
   *
   * @param quoteLead the lead in an expandable blockquote (digests), else a plain paragraph
   */
  public String entry(StoryEntry story, Language language, ZoneId zone, boolean quoteLead) {
    StringBuilder html = new StringBuilder();
    html.append("<b>").append(TelegramHtml.link(story.url(), story.headline())).append("</b>\n");
    List<String> facts = new ArrayList<>();
    story.published().ifPresent(p -> facts.add(Dates.published(p, language, zone)));
    if (!story.source().isEmpty()) {
      facts.add(story.source());
    }
    if (story.sources() > 1) {
      facts.add(messages.text(language, "entry.sources", story.sources()));
    }
    if (!facts.isEmpty()) {
      html.append("<i>").append(TelegramHtml.escape(String.join(" · ", facts))).append("</i>\n");
    }
    if (!story.lead().isEmpty()) {
      String lead = TelegramHtml.escape(shortened(story.lead(), MAX_LEAD));
      html.append(quoteLead ? "<blockquote expandable>" + lead + "</blockquote>" : lead);
    }
    return html.toString().strip();
  }

  /**
   * Joins entries (each already HTML) under a heading into as few messages as fit, never cutting
   * an entry; an entry too long for any message is shortened.
   */
  public static List<String> messages(String heading, List<String> entries) {
    List<String> messages = new ArrayList<>();
    StringBuilder current = new StringBuilder(heading);
    for (String entry : entries) {
      String fitting = entry.length() > MAX_MESSAGE - 2 ? shortenedHtml(entry) : entry;
      if (current.length() + 2 + fitting.length() > MAX_MESSAGE) {
        messages.add(current.toString().strip());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append("\n\n");
      }
      current.append(fitting);
    }
    if (current.length() > 0) {
      messages.add(current.toString().strip());
    }
    return messages;
  }

  /** At most {@code max} characters, cut at a word and ended with an ellipsis. */
  static String shortened(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
  }

  /** An entry that cannot fit a message: its visible text, shortened, as plain escaped text. */
  private static String shortenedHtml(String entry) {
    return TelegramHtml.escape(shortened(TelegramHtml.toPlainText(entry), MAX_MESSAGE / 2));
  }
}
