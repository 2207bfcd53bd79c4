package warta.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A local Telegram Bot API for tests: answers the real TelegramBots client as Telegram does, refuses and records
 * whatever Telegram would refuse or ignore (checked against the shared api.json), and serves scripted updates.
 *
 * <p>The fake keeps a small world consistent the way Telegram does: message ids grow per chat, a reader who blocks
 * the bot ({@link #pushMyChatMember}) makes later sends to that chat answer 403, and a group that migrated
 * ({@link #pushMigration}) answers sends with its new id.
 */
public final class FakeBotApi implements AutoCloseable {

  public static final String DEFAULT_BOT_USERNAME = "WartaTestBot";
  public static final long BOT_ID = 7_000_000_001L;

  private static final Logger log = LoggerFactory.getLogger(FakeBotApi.class);
  private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([^/]+)/?");
  private static final String JSON = "application/json";
  private static final int MAX_UPDATES_LIMIT = 100;

  /** One call the fake answered, in the order answered; {@code method} as the client spelled it in the URL. */
  public record Request(String token, String method, JsonNode parameters, Instant received, int status) {

    /** Status of a call whose connection the fake dropped without answering. */
    public static final int DROPPED = 0;

    /** The parameter as text ("" when absent); objects and arrays as their JSON. */
    public String parameter(String name) {
      JsonNode value = parameters.path(name);
      return value.isMissingNode() || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }
  }

  /** Something Telegram would refuse or silently ignore; {@code method} as the client spelled it. */
  public record Violation(String method, String problem) {}

  /**
   * Sends (send*, forward*, copy*, not sendChatAction) since start: {@code accepted} answered 200,
   * {@code tooManyRequests} answered 429; {@code perSecond} is accepted over the span from the first accepted to the
   * last, {@code busiestSecond} the most accepted within any one second.
   */
  public record SendRate(int accepted, int tooManyRequests, Duration span, double perSecond, int busiestSecond) {}

  /** A scripted misfortune, answered instead of (or, for {@link SlowAnswer}, before) the real answer. */
  public sealed interface Failure {

    /** Telegram's JSON error; {@code parameters} such as {@code retry_after} or {@code migrate_to_chat_id}. */
    record ErrorAnswer(int status, String description, Map<String, Long> parameters) implements Failure {
      public ErrorAnswer {
        parameters = Map.copyOf(parameters);
      }
    }

    /** A page from Telegram's front proxy instead of JSON; TelegramBots reports it as error code 0. */
    record HtmlPage(int status, String html) implements Failure {}

    /** The real answer, after {@code delay}. */
    record SlowAnswer(Duration delay) implements Failure {}

    /** The connection closes before any answer. */
    record DroppedConnection() implements Failure {}

    static Failure tooManyRequests(Duration retryAfter) {
      long seconds = Math.max(1, retryAfter.toSeconds());
      return new ErrorAnswer(429, "Too Many Requests: retry after " + seconds, Map.of("retry_after", seconds));
    }

    static Failure blockedByUser() {
      return new ErrorAnswer(403, "Forbidden: bot was blocked by the user", Map.of());
    }

    static Failure chatNotFound() {
      return new ErrorAnswer(400, "Bad Request: chat not found", Map.of());
    }

    static Failure upgradedToSupergroup(long supergroupId) {
      return new ErrorAnswer(400, "Bad Request: group chat was upgraded to a supergroup chat",
          Map.of("migrate_to_chat_id", supergroupId));
    }

    static Failure internalServerError() {
      return new ErrorAnswer(500, "Internal Server Error", Map.of());
    }

    static Failure badGateway() {
      return new HtmlPage(502, "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
          + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n");
    }

    static Failure slow(Duration delay) {
      return new SlowAnswer(delay);
    }

    static Failure droppedConnection() {
      return new DroppedConnection();
    }
  }

  /** What goes back on the wire; status {@link Request#DROPPED} closes the connection instead. */
  private record Answer(int status, String contentType, byte[] body) {}

  static {
    // The JDK server writes headers and body apart; with Nagle's algorithm on, the client's delayed ACK then holds
    // every answer about 40 ms (115 calls/s instead of thousands). Read once, when the JDK's server first loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final ObjectMapper json = new ObjectMapper();
  private final ApiSpec spec = ApiSpec.shared();
  private final MessageRules rules = new MessageRules(json);
  private final RequestParameters parameterReader = new RequestParameters(json);
  private final UpdateQueue updates = new UpdateQueue();
  private final FakeChats chats;
  private final String botUsername;
  private final HttpServer server;
  private final ExecutorService handlers;

  private final ReentrantLock recordLock = new ReentrantLock();
  private final Condition recorded = recordLock.newCondition();
  private final List<Request> requests = new ArrayList<>();
  /** Calls received and not yet answered; {@link #close} lets them finish. */
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Per lower-case method: index in {@link #requests} after the last one taken. */
  private final Map<String, Integer> takenUpTo = new HashMap<>();
  private final List<Violation> violations = Collections.synchronizedList(new ArrayList<>());

  private final Map<String, Deque<Failure>> nextFailures = new ConcurrentHashMap<>();
  private final Map<Long, Failure> chatFailures = new ConcurrentHashMap<>();
  private final Map<String, Function<JsonNode, ?>> scriptedResults = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> commandsByScope = new ConcurrentHashMap<>();
  private final AtomicInteger tooManyRequests = new AtomicInteger();
  private final AtomicLong callbackQueryIds = new AtomicLong(4_000_000_000_000_000_000L);
  private final SendLog sends = new SendLog();
  private volatile SendLimits limits;
  private volatile boolean webhookSet;

  private FakeBotApi(String botUsername) throws IOException {
    this.botUsername = botUsername;
    this.chats = new FakeChats(json, Clock.systemUTC(), BOT_ID, botUsername);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    var threads = new AtomicInteger();
    this.handlers = Executors.newCachedThreadPool(task -> {
      var thread = new Thread(task, "fake-bot-api-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A fake whose bot is {@value #DEFAULT_BOT_USERNAME}, listening on a free loopback port. */
  public static FakeBotApi start() {
    return start(DEFAULT_BOT_USERNAME);
  }

  public static FakeBotApi start(String botUsername) {
    try {
      return new FakeBotApi(botUsername);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake Bot API on a loopback port", e);
    }
  }

  /** The base URL to give both OkHttpTelegramClient and the long-polling application. */
  public TelegramUrl url() {
    return new TelegramUrl("http", host(), port(), false);
  }

  public String host() {
    return server.getAddress().getAddress().getHostAddress();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String botUsername() {
    return botUsername;
  }

  // ---- what was received

  public List<Request> requests() {
    recordLock.lock();
    try {
      return List.copyOf(requests);
    } finally {
      recordLock.unlock();
    }
  }

  /** The calls to {@code method}, in any letter case ("sendMessage" finds "sendmessage"). */
  public List<Request> requests(String method) {
    return requests().stream().filter(r -> r.method().equalsIgnoreCase(method)).toList();
  }

  /**
   * The next call to {@code method} not taken before, waiting up to {@code timeout} for it to be answered.
   *
   * @throws AssertionError when none comes in time, listing what did
   */
  public Request takeRequest(String method, Duration timeout) throws InterruptedException {
    String key = method.toLowerCase(Locale.ROOT);
    long waitNanos = timeout.toNanos();
    recordLock.lock();
    try {
      while (true) {
        for (int i = takenUpTo.getOrDefault(key, 0); i < requests.size(); i++) {
          if (requests.get(i).method().equalsIgnoreCase(method)) {
            takenUpTo.put(key, i + 1);
            return requests.get(i);
          }
        }
        takenUpTo.put(key, requests.size());
        if (waitNanos <= 0) {
          throw new AssertionError("no " + method + " call within " + timeout + "; received: " + requests.stream()
              .map(r -> r.method() + " " + r.status()).collect(Collectors.joining(", ", "[", "]")));
        }
        waitNanos = recorded.awaitNanos(waitNanos);
      }
    } finally {
      recordLock.unlock();
    }
  }

  /** Every refusal the fake answered with 400 or 404, and every parameter Telegram would ignore. */
  public List<Violation> violations() {
    synchronized (violations) {
      return List.copyOf(violations);
    }
  }

  /** How many calls were answered 429, scripted or by {@link #enforceLimits}. */
  public int tooManyRequests() {
    return tooManyRequests.get();
  }

  public SendRate sendRate() {
    return sends.rate();
  }

  // ---- scripted behaviour

  /** The next {@code times} calls to {@code method} (any letter case) that pass validation get {@code failure}. */
  public void failNext(String method, int times, Failure failure) {
    if (times < 1) throw new IllegalArgumentException("times must be at least 1, got " + times);
    Deque<Failure> queue = nextFailures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>());
    synchronized (queue) {
      for (int i = 0; i < times; i++) queue.addLast(failure);
    }
  }

  /** Every call naming {@code chatId} as chat_id gets {@code failure} until {@link #healChat}. */
  public void failChat(long chatId, Failure failure) {
    chatFailures.put(chatId, failure);
  }

  public void healChat(long chatId) {
    chatFailures.remove(chatId);
  }

  /**
   * Answers {@code method} with what {@code result} makes of the parameters (a JsonNode, Boolean, String or any
   * value Jackson writes), for methods the fake does not answer itself, such as getChat or getChatMember.
   */
  public void answer(String method, Function<JsonNode, ?> result) {
    scriptedResults.put(method.toLowerCase(Locale.ROOT), result);
  }

  /**
   * Answers sends beyond Telegram's flood limits with 429 and a retry_after: {@code globalPerSecond} in total,
   * {@code perChatPerSecond} in one chat, {@code perGroupPerMinute} in one group (Telegram: about 30, 1 and 20).
   */
  public void enforceLimits(int globalPerSecond, int perChatPerSecond, int perGroupPerMinute) {
    limits = new SendLimits(globalPerSecond, perChatPerSecond, perGroupPerMinute);
  }

  // ---- updates for getUpdates

  /** Queues {@code update} (a copy, with the next update_id) and returns what getUpdates will serve. */
  public JsonNode pushUpdate(JsonNode update) {
    if (!update.isObject()) throw new IllegalArgumentException("an update is a JSON object, got " + update);
    return asParsed(updates.push(((ObjectNode) update).deepCopy()));
  }

  public JsonNode pushUpdate(String updateJson) {
    try {
      return pushUpdate(json.readTree(updateJson));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + updateJson, e);
    }
  }

  /** A reader writes {@code text} to the bot; {@code languageCode} "" when the reader's app does not tell. */
  public JsonNode pushPrivateMessage(long userId, String languageCode, String text) {
    return pushMessage(chats.readerMessage(userId, chats.user(userId, languageCode), text));
  }

  public JsonNode pushGroupMessage(long groupId, long userId, String languageCode, String text) {
    return pushMessage(chats.readerMessage(groupId, chats.user(userId, languageCode), text));
  }

  /** A group member sends {@code commandLine} ("/topics world") addressed to this bot: "/topics@WartaTestBot world". */
  public JsonNode pushGroupCommand(long groupId, long userId, String languageCode, String commandLine) {
    if (!commandLine.startsWith("/")) throw new IllegalArgumentException("not a command: " + commandLine);
    int space = commandLine.indexOf(' ');
    String addressed = space < 0 ? commandLine + "@" + botUsername
        : commandLine.substring(0, space) + "@" + botUsername + commandLine.substring(space);
    return pushGroupMessage(groupId, userId, languageCode, addressed);
  }

  /** A reader presses a button with {@code data} under message {@code messageId} (the bot's, if the fake sent it). */
  public JsonNode pushCallbackQuery(long userId, long chatId, long messageId, String data) {
    ObjectNode message = chats.find(chatId, messageId).orElseGet(() -> json.createObjectNode()
        .put("message_id", messageId).<ObjectNode>set("from", chats.bot()).<ObjectNode>set("chat", chats.chat(chatId))
        .put("date", chats.now()).put("text", ""));
    ObjectNode query = json.createObjectNode().put("id", String.valueOf(callbackQueryIds.incrementAndGet()));
    query.set("from", chats.user(userId, ""));
    query.set("message", message);
    query.put("chat_instance", String.valueOf(chatId * 31 + BOT_ID)).put("data", data);
    return pushUpdate(json.createObjectNode().set("callback_query", query));
  }

  /**
   * The bot's membership in {@code chatId} changes from {@code oldStatus} to {@code newStatus} ("member", "kicked"
   * or "left"). As on Telegram, sends to the chat then answer 403 while the bot is kicked or gone, and work again
   * once it is a member.
   */
  public JsonNode pushMyChatMember(long chatId, long userId, String oldStatus, String newStatus) {
    ObjectNode change = json.createObjectNode();
    change.set("chat", chats.chat(chatId));
    change.set("from", chats.user(userId, ""));
    change.put("date", chats.now());
    change.set("old_chat_member", chatMember(oldStatus));
    change.set("new_chat_member", chatMember(newStatus));
    String type = FakeChats.chatType(chatId);
    switch (newStatus) {
      case "member" -> healChat(chatId);
      case "kicked" -> failChat(chatId, type.equals("private") ? Failure.blockedByUser()
          : new Failure.ErrorAnswer(403, "Forbidden: bot was kicked from the " + type + " chat", Map.of()));
      default -> failChat(chatId, new Failure.ErrorAnswer(403, "Forbidden: bot is not a member of the " + type
          + " chat", Map.of()));
    }
    return pushUpdate(json.createObjectNode().set("my_chat_member", change));
  }

  /**
   * Group {@code groupId} becomes supergroup {@code supergroupId}: pushes Telegram's two service messages (returns
   * the one with migrate_to_chat_id), and later sends to the old id answer 400 with migrate_to_chat_id.
   */
  public JsonNode pushMigration(long groupId, long supergroupId) {
    ObjectNode inGroup = chats.serviceMessage(groupId, null).put("migrate_to_chat_id", supergroupId);
    ObjectNode inSupergroup = chats.serviceMessage(supergroupId, null).put("migrate_from_chat_id", groupId);
    JsonNode update = pushMessage(inGroup);
    pushMessage(inSupergroup);
    failChat(groupId, Failure.upgradedToSupergroup(supergroupId));
    return update;
  }

  /**
   * Waits until a getUpdates call is held open here: the bot's polling loop has started, or has taken what was
   * pushed and asks again. Call it before closing a long-polling application, so that closing ends that poll cleanly
   * instead of cutting the connection (which BotSession logs as an ERROR).
   *
   * @throws AssertionError when none is within {@code timeout}
   */
  public void awaitLongPoll(Duration timeout) throws InterruptedException {
    if (!updates.awaitPoller(timeout)) throw new AssertionError("no getUpdates call waiting within " + timeout);
  }

  /** Updates pushed and not yet confirmed by a getUpdates offset. */
  public int unconfirmedUpdates() {
    return updates.unconfirmed();
  }

  /** Answers waiting long polls with no updates, then stops listening. */
  @Override
  public void close() {
    updates.close();
    awaitAnswered(Duration.ofSeconds(1)); // JDK 17's stop(delay) always waits the delay when nothing is in flight
    server.stop(0);
    handlers.shutdownNow();
  }

  // ---- answering

  private void awaitAnswered(Duration timeout) {
    long waitNanos = timeout.toNanos();
    recordLock.lock();
    try {
      while (inFlight.get() > 0 && waitNanos > 0) waitNanos = recorded.awaitNanos(waitNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      recordLock.unlock();
    }
  }

  private void handle(HttpExchange exchange) {
    inFlight.incrementAndGet();
    try (exchange) {
      Instant received = Instant.now();
      URI uri = exchange.getRequestURI();
      byte[] body = exchange.getRequestBody().readAllBytes();
      Matcher path = PATH.matcher(uri.getPath());
      boolean botPath = path.matches();
      String token = botPath ? path.group(1) : "";
      String method = botPath ? path.group(2) : uri.getPath();
      Optional<ObjectNode> read = parameterReader.read(exchange.getRequestHeaders().getFirst("Content-Type"), body,
          uri.getRawQuery());
      JsonNode parameters = read.isPresent() ? read.get() : json.createObjectNode();
      Answer answer = !botPath ? refuse(method, 404, "Not Found")
          : read.isEmpty() ? refuse(method, 400, "Bad Request: can't parse JSON encoded request")
          : answerOrExplain(method, read.get());
      record(new Request(token, method, parameters, received, answer.status())); // before the client can see it
      write(exchange, answer);
    } catch (IOException e) {
      log.debug("A client left before its answer: {}", e.toString()); // e.g. an abandoned long poll
    } finally {
      answered();
    }
  }

  /** The answer; a failure of the fake itself becomes a 500 and a violation, so that tests see it. */
  private Answer answerOrExplain(String method, ObjectNode parameters) {
    try {
      return answer(method, parameters);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the fake is closing
      return failed(Failure.droppedConnection());
    } catch (RuntimeException e) {
      log.error("FakeBotApi failed on {} {}", method, parameters, e);
      violations.add(new Violation(method, "FakeBotApi failed: " + e));
      return failed(Failure.internalServerError());
    }
  }

  private Answer answer(String method, ObjectNode parameters) throws InterruptedException {
    Optional<ApiSpec.Method> known = spec.method(method);
    if (known.isEmpty()) return refuse(method, 404, "Not Found");
    ApiSpec.Method spelled = known.get();
    ApiSpec.Check check = spec.check(spelled, parameters);
    check.ignored().forEach(name -> violations.add(new Violation(method, "Telegram ignores parameter \"" + name
        + "\": not in the Bot API")));
    Optional<String> refusal = check.refusals().isEmpty() ? rules.refusal(spelled.name(), parameters)
        : Optional.of(check.refusals().get(0));
    if (refusal.isPresent()) return refuse(method, 400, refusal.get());

    Optional<Failure> failure = scriptedFailure(method, parameters);
    if (failure.isPresent() && failure.get() instanceof Failure.SlowAnswer slow) {
      Thread.sleep(slow.delay().toMillis());
    } else if (failure.isPresent()) {
      return failed(failure.get());
    }
    if (limits != null && SendLimits.isSend(spelled.name())) {
      Optional<Long> chatId = chatId(parameters);
      long retryAfter = chatId.isEmpty() ? 0 : limits.retryAfterSeconds(chatId.get(), System.nanoTime());
      if (retryAfter > 0) return failed(Failure.tooManyRequests(Duration.ofSeconds(retryAfter)));
    }
    return result(spelled, parameters);
  }

  /** A failure scripted for this method comes first, then one scripted for the chat. */
  private Optional<Failure> scriptedFailure(String method, ObjectNode parameters) {
    Deque<Failure> next = nextFailures.get(method.toLowerCase(Locale.ROOT));
    if (next != null) {
      synchronized (next) {
        if (!next.isEmpty()) return Optional.of(next.removeFirst());
      }
    }
    return chatId(parameters).map(chatFailures::get);
  }

  private Answer result(ApiSpec.Method method, ObjectNode parameters) throws InterruptedException {
    Function<JsonNode, ?> scripted = scriptedResults.get(method.name().toLowerCase(Locale.ROOT));
    if (scripted != null) return ok(json.valueToTree(scripted.apply(parameters)));
    switch (method.name()) {
      case "getMe":
        return ok(chats.getMe());
      case "getUpdates":
        return getUpdates(parameters);
      case "setWebhook":
        webhookSet = true;
        return ok(json.getNodeFactory().booleanNode(true));
      case "deleteWebhook":
        webhookSet = false;
        return ok(json.getNodeFactory().booleanNode(true));
      case "setMyCommands":
        commandsByScope.put(commandsScope(parameters), parsed(parameters.get("commands")));
        return ok(json.getNodeFactory().booleanNode(true));
      case "deleteMyCommands":
        commandsByScope.remove(commandsScope(parameters));
        return ok(json.getNodeFactory().booleanNode(true));
      case "getMyCommands":
        return ok(commandsByScope.getOrDefault(commandsScope(parameters), json.createArrayNode()));
      case "editMessageText":
      case "editMessageCaption":
      case "editMessageReplyMarkup":
        return edit(method.name(), parameters);
      case "deleteMessage":
        return delete(parameters);
      default:
        if (method.returns().equals(List.of("Message"))) return send(method.name(), parameters);
        if (method.returns().equals(List.of("Boolean"))) return ok(json.getNodeFactory().booleanNode(true));
        return failed(new Failure.ErrorAnswer(400, "Bad Request: FakeBotApi has no answer for " + method.name()
            + "; script one with answer(\"" + method.name() + "\", ...)", Map.of()));
    }
  }

  private Answer getUpdates(ObjectNode parameters) throws InterruptedException {
    if (webhookSet) {
      return failed(new Failure.ErrorAnswer(409, "Conflict: can't use getUpdates method while webhook is active;"
          + " use deleteWebhook to delete the webhook first", Map.of()));
    }
    int limit = parameters.path("limit").asInt(MAX_UPDATES_LIMIT);
    limit = limit < 1 || limit > MAX_UPDATES_LIMIT ? MAX_UPDATES_LIMIT : limit;
    Duration timeout = Duration.ofSeconds(Math.max(0, parameters.path("timeout").asLong(0)));
    UpdateQueue.Answer polled = updates.poll(parameters.path("offset").asLong(0), limit, timeout);
    if (polled instanceof UpdateQueue.Updates served) {
      return ok(json.createArrayNode().addAll(served.updates()));
    }
    return failed(new Failure.ErrorAnswer(409, "Conflict: terminated by other getUpdates request;"
        + " make sure that only one bot instance is running", Map.of()));
  }

  private Answer send(String method, ObjectNode parameters) {
    Optional<Long> chatId = chatId(parameters);
    if (chatId.isEmpty()) return failed(Failure.chatNotFound()); // "@channel" names are not known here
    String text = method.equals("sendMessage") ? shown(parameters.path("text").asText(), parameters) : null;
    String caption = parameters.has("caption") ? shown(parameters.path("caption").asText(), parameters) : null;
    return ok(chats.botMessage(chatId.get(), text, caption, parsed(parameters.get("reply_markup"))));
  }

  private Answer edit(String method, ObjectNode parameters) {
    if (parameters.hasNonNull("inline_message_id")) return ok(json.getNodeFactory().booleanNode(true));
    Optional<Long> chatId = chatId(parameters);
    Optional<ObjectNode> found = chatId.flatMap(id -> chats.find(id, parameters.path("message_id").asLong()));
    if (found.isEmpty()) return failed(new Failure.ErrorAnswer(400, "Bad Request: message to edit not found", Map.of()));
    ObjectNode before = found.get();
    ObjectNode edited = before.deepCopy();
    if (method.equals("editMessageText")) edited.put("text", shown(parameters.path("text").asText(), parameters));
    if (method.equals("editMessageCaption")) {
      edited.put("caption", shown(parameters.path("caption").asText(""), parameters));
    }
    edited.remove("reply_markup"); // an edit without a keyboard removes it
    JsonNode markup = parsed(parameters.get("reply_markup"));
    if (markup != null && markup.has("inline_keyboard")) edited.set("reply_markup", markup);
    if (edited.equals(before)) {
      return failed(new Failure.ErrorAnswer(400, "Bad Request: message is not modified: specified new message"
          + " content and reply markup are exactly the same as a current content and reply markup of the message",
          Map.of()));
    }
    edited.put("edit_date", chats.now());
    chats.replace(chatId.get(), edited);
    return ok(edited);
  }

  private Answer delete(ObjectNode parameters) {
    Optional<Long> chatId = chatId(parameters);
    if (chatId.isPresent() && chats.delete(chatId.get(), parameters.path("message_id").asLong())) {
      return ok(json.getNodeFactory().booleanNode(true));
    }
    return failed(new Failure.ErrorAnswer(400, "Bad Request: message to delete not found", Map.of()));
  }

  /** What the reader sees: HTML read into text, other modes left as sent (they are not checked). */
  private static String shown(String text, ObjectNode parameters) {
    if (!parameters.path("parse_mode").asText("").equalsIgnoreCase("html")) return text;
    return TelegramHtml.read(text) instanceof TelegramHtml.Parsed parsed ? parsed.text() : text;
  }

  private String commandsScope(ObjectNode parameters) {
    JsonNode scope = parsed(parameters.get("scope"));
    return (scope == null ? "{\"type\":\"default\"}" : scope.toString()) + " "
        + parameters.path("language_code").asText("");
  }

  private static Optional<Long> chatId(ObjectNode parameters) {
    JsonNode chatId = parameters.get("chat_id");
    if (chatId == null || !(chatId.isIntegralNumber() || chatId.isTextual() && chatId.asText().matches("-?\\d+"))) {
      return Optional.empty();
    }
    return Optional.of(chatId.asLong());
  }

  /** Form bodies carry objects as JSON text; null stays null. */
  private JsonNode parsed(JsonNode value) {
    if (value == null || !value.isTextual()) return value;
    try {
      return json.readTree(value.asText());
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  /** As a client parses it, so that it equals what a test reads back (an IntNode, not a LongNode, for 1). */
  private JsonNode asParsed(JsonNode value) {
    try {
      return json.readTree(bytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode pushMessage(ObjectNode message) {
    return pushUpdate(json.createObjectNode().set("message", message));
  }

  private ObjectNode chatMember(String status) {
    ObjectNode member = json.createObjectNode().put("status", status);
    member.set("user", chats.bot());
    return switch (status) {
      case "member", "left" -> member;
      case "kicked" -> member.put("until_date", 0);
      default -> throw new IllegalArgumentException("status must be member, kicked or left, got " + status);
    };
  }

  private Answer refuse(String method, int status, String description) {
    violations.add(new Violation(method, description));
    return failed(new Failure.ErrorAnswer(status, description, Map.of()));
  }

  private Answer ok(JsonNode result) {
    ObjectNode body = json.createObjectNode().put("ok", true);
    body.set("result", result);
    return new Answer(200, JSON, bytes(body));
  }

  private Answer failed(Failure failure) {
    if (failure instanceof Failure.ErrorAnswer error) {
      ObjectNode body = json.createObjectNode().put("ok", false).put("error_code", error.status())
          .put("description", error.description());
      if (!error.parameters().isEmpty()) body.set("parameters", json.valueToTree(error.parameters()));
      return new Answer(error.status(), JSON, bytes(body));
    }
    if (failure instanceof Failure.HtmlPage page) {
      return new Answer(page.status(), "text/html", page.html().getBytes(StandardCharsets.UTF_8));
    }
    return new Answer(Request.DROPPED, JSON, new byte[0]);
  }

  private byte[] bytes(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body, e);
    }
  }

  private static void write(HttpExchange exchange, Answer answer) throws IOException {
    if (answer.status() == Request.DROPPED) return; // closing the exchange unanswered closes the connection
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), answer.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer.body());
    }
  }

  private void answered() {
    recordLock.lock();
    try {
      inFlight.decrementAndGet();
      recorded.signalAll();
    } finally {
      recordLock.unlock();
    }
  }

  private void record(Request request) {
    recordLock.lock();
    try {
      requests.add(request);
      recorded.signalAll();
    } finally {
      recordLock.unlock();
    }
    if (request.status() == 429) tooManyRequests.incrementAndGet();
    if (spec.method(request.method()).map(m -> SendLimits.isSend(m.name())).orElse(false)) {
      if (request.status() == 200) sends.accepted(System.nanoTime());
      if (request.status() == 429) sends.refused();
    }
  }
}
