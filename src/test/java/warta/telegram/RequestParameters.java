package warta.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Bot API call's parameters as Telegram accepts them: query string plus a JSON, URL-encoded or multipart
 * body; form values stay strings (as Telegram receives them), an uploaded file becomes {@code "<file name, N bytes>"}.
 */
final class RequestParameters {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern PART_NAME = Pattern.compile("(?i)(?<![a-z])name=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");

  private final ObjectMapper json;

  RequestParameters(ObjectMapper json) {
    this.json = json;
  }

  /** Empty when a JSON body is not a JSON object. {@code contentType} and {@code query} may be null. */
  Optional<ObjectNode> read(String contentType, byte[] body, String query) {
    ObjectNode parameters = json.createObjectNode();
    if (query != null) addUrlEncoded(query, parameters);
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (body.length == 0) return Optional.of(parameters);
    if (type.startsWith("application/json")) {
      try {
        JsonNode tree = json.readTree(body);
        if (tree == null || !tree.isObject()) return Optional.empty();
        parameters.setAll((ObjectNode) tree);
      } catch (IOException e) {
        return Optional.empty();
      }
    } else if (type.startsWith("multipart/form-data")) {
      Matcher boundary = BOUNDARY.matcher(contentType);
      if (boundary.find()) addMultipart(body, boundary.group(1), parameters);
    } else {
      addUrlEncoded(new String(body, StandardCharsets.UTF_8), parameters);
    }
    return Optional.of(parameters);
  }

  private static void addUrlEncoded(String form, ObjectNode into) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) continue;
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      into.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
  }

  /** Splits on the boundary in Latin-1, which maps bytes one to one, then reads text parts as UTF-8. */
  private static void addMultipart(byte[] body, String boundary, ObjectNode into) {
    String raw = new String(body, StandardCharsets.ISO_8859_1);
    for (String part : raw.split("(\r\n)?--" + Pattern.quote(boundary))) {
      int headersEnd = part.indexOf("\r\n\r\n");
      if (headersEnd < 0) continue; // the preamble and the closing "--"
      String headers = part.substring(0, headersEnd);
      String content = part.substring(headersEnd + 4);
      Matcher name = PART_NAME.matcher(headers);
      if (!name.find()) continue;
      Matcher file = FILE_NAME.matcher(headers);
      into.put(name.group(1), file.find()
          ? "<file " + file.group(1) + ", " + content.length() + " bytes>"
          : new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
  }
}
