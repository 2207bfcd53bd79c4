package warta.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The Bot API's rules on content that api.json cannot express: text lengths, HTML, button data, commands. */
final class MessageRules {

  static final int MAX_TEXT = 4096;
  static final int MAX_CAPTION = 1024;
  static final int MAX_CALLBACK_DATA_BYTES = 64;
  static final int MAX_COMMANDS = 100;
  private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
  private static final int MAX_COMMAND_DESCRIPTION = 256;

  private final ObjectMapper json;

  MessageRules(ObjectMapper json) {
    this.json = json;
  }

  /** Telegram's 400 description when {@code parameters} break a rule, for a method in its api.json spelling. */
  Optional<String> refusal(String method, ObjectNode parameters) {
    String text = parameters.path("text").asText(null);
    if (text != null && (method.equals("sendMessage") || method.equals("editMessageText"))) {
      Optional<String> refused = textRefusal(text, parameters, MAX_TEXT, "message text is empty",
          "message is too long");
      if (refused.isPresent()) return refused;
    }
    String caption = parameters.path("caption").asText(null);
    if (caption != null) {
      Optional<String> refused = textRefusal(caption, parameters, MAX_CAPTION, null, "message caption is too long");
      if (refused.isPresent()) return refused;
    }
    if (method.equals("setMyCommands")) {
      Optional<String> refused = commandsRefusal(parsed(parameters.path("commands")));
      if (refused.isPresent()) return refused;
    }
    return keyboardRefusal(parsed(parameters.path("reply_markup")));
  }

  /** {@code emptyRefusal} null when an empty text is allowed (captions). */
  private static Optional<String> textRefusal(String text, ObjectNode parameters, int max, String emptyRefusal,
                                              String tooLongRefusal) {
    String shown = text;
    String parseMode = parameters.path("parse_mode").asText("");
    switch (parseMode.toLowerCase(Locale.ROOT)) {
      case "" , "markdown", "markdownv2" -> { } // Markdown is not checked: Warta writes HTML
      case "html" -> {
        TelegramHtml.Reading reading = TelegramHtml.read(text);
        if (reading instanceof TelegramHtml.Refused refused) {
          return Optional.of("Bad Request: can't parse entities: " + refused.reason());
        }
        shown = ((TelegramHtml.Parsed) reading).text();
      }
      default -> {
        return Optional.of("Bad Request: unsupported parse_mode");
      }
    }
    shown = shown.strip(); // Telegram trims what it shows
    if (shown.isEmpty() && emptyRefusal != null) return Optional.of("Bad Request: " + emptyRefusal);
    // UTF-16 units, as entity offsets are counted; an emoji outside the BMP counts twice
    if (shown.length() > max) return Optional.of("Bad Request: " + tooLongRefusal);
    return Optional.empty();
  }

  private static Optional<String> commandsRefusal(JsonNode commands) {
    if (!commands.isArray()) return Optional.empty(); // api.json's check already refused it
    if (commands.size() > MAX_COMMANDS) return Optional.of("Bad Request: BOT_COMMANDS_TOO_MUCH");
    for (JsonNode command : commands) {
      if (!COMMAND.matcher(command.path("command").asText()).matches()) {
        return Optional.of("Bad Request: BOT_COMMAND_INVALID");
      }
      int description = command.path("description").asText().strip().length();
      if (description < 1 || description > MAX_COMMAND_DESCRIPTION) {
        return Optional.of("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> keyboardRefusal(JsonNode markup) {
    for (JsonNode row : markup.path("inline_keyboard")) {
      for (JsonNode button : row) {
        JsonNode data = button.get("callback_data");
        if (data == null || data.isNull()) continue;
        int bytes = data.asText().getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) return Optional.of("Bad Request: BUTTON_DATA_INVALID");
      }
    }
    return Optional.empty();
  }

  /** Form bodies carry objects as JSON text. */
  private JsonNode parsed(JsonNode value) {
    if (!value.isTextual()) return value;
    try {
      return json.readTree(value.asText());
    } catch (JsonProcessingException e) {
      return value;
    }
  }
}
