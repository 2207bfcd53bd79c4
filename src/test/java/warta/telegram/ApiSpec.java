package warta.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Bot API as the shared api.json describes it: methods, their parameters and the types they take. */
final class ApiSpec {

  /** One parameter of a method or field of a type; {@code types} as api.json spells them ("Array of BotCommand"). */
  record Field(String name, List<String> types, boolean required) {
    Field {
      types = List.copyOf(types);
    }
  }

  /** One Bot API method; {@code returns} as api.json spells it ("Message", "Boolean"). */
  record Method(String name, List<String> returns, Map<String, Field> parameters) {
    Method {
      returns = List.copyOf(returns);
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters)); // api.json's order
    }
  }

  /** What Telegram makes of one request's parameters: refusals (answered 400) and parameters it would ignore. */
  record Check(List<String> refusals, List<String> ignored) {
    Check {
      refusals = List.copyOf(refusals);
      ignored = List.copyOf(ignored);
    }
  }

  private record Type(String name, Map<String, Field> fields, List<String> subtypes) {
    Type {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      subtypes = List.copyOf(subtypes);
    }
  }

  /** A problem at a path inside one parameter: {@code reply_markup.inline_keyboard[0][0].text}. */
  private record Problem(String path, String expected) {}

  private static final Pattern ATTACH = Pattern.compile("attach://([^\"\\\\\\s]+)");
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,19}");
  /** TelegramBots adds the method name to every JSON body; Telegram reads it only in webhook replies. */
  private static final String METHOD_KEY = "method";
  private static volatile ApiSpec shared;

  private final ObjectMapper json;
  private final Map<String, Method> methodsByLowerCaseName;
  private final Map<String, Type> types;

  private ApiSpec(ObjectMapper json, Map<String, Method> methods, Map<String, Type> types) {
    this.json = json;
    this.methodsByLowerCaseName = methods;
    this.types = types;
  }

  /** The spec at {@code ${warta.shared}/telegram-bot-api/api.json} ({@code ../shared} by default), read once. */
  static ApiSpec shared() {
    ApiSpec spec = shared;
    if (spec == null) {
      synchronized (ApiSpec.class) {
        if (shared == null) {
          shared = read(Path.of(System.getProperty("warta.shared", "../shared"), "telegram-bot-api", "api.json"));
        }
        spec = shared;
      }
    }
    return spec;
  }

  static ApiSpec read(Path file) {
    var json = new ObjectMapper();
    JsonNode root;
    try {
      root = json.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Bot API spec " + file.toAbsolutePath()
          + " (set -Dwarta.shared to the folder holding telegram-bot-api/api.json)", e);
    }
    Map<String, Method> methods = new LinkedHashMap<>();
    root.path("methods").forEach(m -> methods.put(m.path("name").asText().toLowerCase(Locale.ROOT),
        new Method(m.path("name").asText(), texts(m.path("returns")), fields(m.path("fields")))));
    Map<String, Type> types = new LinkedHashMap<>();
    root.path("types").forEach(t -> types.put(t.path("name").asText(),
        new Type(t.path("name").asText(), fields(t.path("fields")), texts(t.path("subtypes")))));
    return new ApiSpec(json, Map.copyOf(methods), Map.copyOf(types));
  }

  /** The method named so in any letter case, as Telegram matches names. */
  Optional<Method> method(String name) {
    return Optional.ofNullable(methodsByLowerCaseName.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * Checks parameters the way Telegram reads them: scalars may come as strings ("42" for an Integer), objects
   * and arrays as JSON text (form bodies); a JSON null counts as absent.
   */
  Check check(Method method, ObjectNode parameters) {
    List<String> refusals = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (Field parameter : method.parameters().values()) {
      if (parameter.required() && absent(parameters.get(parameter.name()))) {
        refusals.add(missing(parameter.name()));
      }
    }
    parameters.fields().forEachRemaining(entry -> {
      String name = entry.getKey();
      Field parameter = method.parameters().get(name);
      if (parameter == null) {
        if (!name.equals(METHOD_KEY) && !attachments(parameters).contains(name)) ignored.add(name);
      } else if (!absent(entry.getValue())) {
        var problems = new Problems();
        checkAny(parameter.types(), entry.getValue(), name, problems);
        problems.errors.forEach(p -> refusals.add(refusal(name, p)));
        ignored.addAll(problems.ignored);
      }
    });
    return new Check(refusals, ignored);
  }

  /** Names of the file parts that values point to as "attach://name"; such parts are no parameters. */
  private static Set<String> attachments(ObjectNode parameters) {
    Set<String> names = new HashSet<>();
    Matcher attach = ATTACH.matcher(parameters.toString());
    while (attach.find()) names.add(attach.group(1));
    return names;
  }

  /** Telegram's own words for the two parameters every send has; a plain statement for the rest. */
  private static String missing(String parameter) {
    return switch (parameter) {
      case "text" -> "Bad Request: message text is empty";
      case "chat_id" -> "Bad Request: chat_id is empty";
      default -> "Bad Request: parameter \"" + parameter + "\" is required";
    };
  }

  private static String refusal(String parameter, Problem problem) {
    if (problem.path().equals(parameter)) {
      return "Bad Request: parameter \"" + parameter + "\" " + problem.expected();
    }
    return "Bad Request: can't parse " + parameter + ": field \"" + problem.path().substring(parameter.length() + 1)
        + "\" " + problem.expected();
  }

  private void checkAny(List<String> alternatives, JsonNode value, String path, Problems into) {
    if (alternatives.size() == 1) {
      check(alternatives.get(0), value, path, into);
      return;
    }
    Problems best = null;
    for (String type : alternatives) {
      var attempt = new Problems();
      check(type, value, path, attempt);
      if (best == null || attempt.isBetterThan(best)) best = attempt;
    }
    if (best.errors.stream().allMatch(p -> p.path().equals(path))) {
      if (!best.errors.isEmpty()) {
        into.errors.add(new Problem(path, "must be of type " + String.join(" or ", alternatives)));
      }
    } else { // the value has the shape of one alternative: tell what is wrong inside it
      into.errors.addAll(best.errors);
    }
    into.ignored.addAll(best.ignored);
  }

  private void check(String type, JsonNode value, String path, Problems into) {
    if (type.startsWith("Array of ")) {
      JsonNode array = parsedIfText(value);
      if (!array.isArray()) {
        into.errors.add(new Problem(path, "must be of type " + type));
        return;
      }
      String elementType = type.substring("Array of ".length());
      for (int i = 0; i < array.size(); i++) check(elementType, array.get(i), path + "[" + i + "]", into);
      return;
    }
    boolean fits = switch (type) {
      case "Integer" -> value.isIntegralNumber() || value.isTextual() && INTEGER.matcher(value.asText()).matches();
      case "Float" -> value.isNumber() || value.isTextual() && isDecimal(value.asText());
      case "Boolean" -> value.isBoolean() || value.isTextual() && value.asText().matches("true|false|1|0");
      case "String", "InputFile" -> value.isValueNode();
      default -> {
        checkObject(type, value, path, into);
        yield true;
      }
    };
    if (!fits) into.errors.add(new Problem(path, "must be of type " + type));
  }

  private void checkObject(String typeName, JsonNode value, String path, Problems into) {
    Type type = types.get(typeName);
    JsonNode object = parsedIfText(value);
    if (!object.isObject()) {
      into.errors.add(new Problem(path, "must be of type " + typeName));
      return;
    }
    if (type == null || type.fields().isEmpty() && type.subtypes().isEmpty()) return;
    if (!type.subtypes().isEmpty()) {
      checkAny(type.subtypes(), object, path, into);
      return;
    }
    for (Field field : type.fields().values()) {
      if (field.required() && absent(object.get(field.name()))) {
        into.errors.add(new Problem(path + "." + field.name(), "is required"));
      }
    }
    object.fields().forEachRemaining(entry -> {
      Field field = type.fields().get(entry.getKey());
      String fieldPath = path + "." + entry.getKey();
      if (field == null) {
        into.ignored.add(fieldPath);
      } else if (!absent(entry.getValue())) {
        checkAny(field.types(), entry.getValue(), fieldPath, into);
      }
    });
  }

  /** Form bodies carry objects and arrays as JSON text. */
  private JsonNode parsedIfText(JsonNode value) {
    if (!value.isTextual()) return value;
    try {
      return json.readTree(value.asText());
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }

  private static boolean isDecimal(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }

  private static Map<String, Field> fields(JsonNode array) {
    Map<String, Field> fields = new LinkedHashMap<>();
    array.forEach(f -> fields.put(f.path("name").asText(),
        new Field(f.path("name").asText(), texts(f.path("types")), f.path("required").asBoolean())));
    return fields;
  }

  /** Problems found while checking one value; unions keep the alternative that fits best. */
  private static final class Problems {
    final List<Problem> errors = new ArrayList<>();
    final List<String> ignored = new ArrayList<>();

    /** A fitting alternative first; then the one that knows more of the fields given, then fewer errors. */
    boolean isBetterThan(Problems other) {
      if (errors.isEmpty() != other.errors.isEmpty()) return errors.isEmpty();
      if (ignored.size() != other.ignored.size()) return ignored.size() < other.ignored.size();
      return errors.size() < other.errors.size();
    }
  }
}
