package warta;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.telegram.telegrambots.meta.TelegramUrl;
import warta.article.ArticleParsers;
import warta.article.ArticleStore;
import warta.bot.Conversation;
import warta.bot.Defaults;
import warta.cli.Cli;
import warta.config.Settings;
import warta.delivery.DeliveryLedger;
import warta.delivery.DeliveryRun;
import warta.delivery.Outbox;
import warta.delivery.OutboxLimits;
import warta.digest.DigestBuilder;
import warta.digest.EntryFormat;
import warta.feed.FeedReader;
import warta.fetch.FetchPolicy;
import warta.fetch.FetchRun;
import warta.fetch.PoliteFetcher;
import warta.fetch.SourceList;
import warta.fetch.SourceStatus;
import warta.fetch.SourceStore;
import warta.health.HealthReport;
import warta.health.JobHistory;
import warta.i18n.Messages;
import warta.ingest.ArticleFolderScanner;
import warta.schedule.DeliveryJob;
import warta.schedule.FetchJob;
import warta.schedule.IngestJob;
import warta.schedule.Schedules;
import warta.storage.Database;
import warta.subscriber.SubscriberStore;
import warta.telegram.TelegramBot;
import warta.telegram.TelegramTransport;
import warta.topic.TopicCatalog;
import warta.topic.TopicTagger;

/**
 * Warta wired together: every long-lived object built with {@code new} from the settings, in one
 * place. {@link #main} hands the command line to {@link Cli}; commands open an App for what they need.
 */
public final class App implements AutoCloseable {

  private final Settings settings;
  private final Database db;
  private final TopicCatalog topics;
  private final ArticleStore articles;
  private final ArticleFolderScanner ingest;
  private final JobHistory jobs;
  private final Clock clock;
  private final SubscriberStore subscribers;
  private final Conversation conversation;
  private final Messages messages;
  private final DeliveryLedger ledger;
  private final SourceStore sources;

  private App(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.topics = TopicCatalog.standard();
    this.db = Database.open(settings.databaseFile());
    this.articles = new ArticleStore(db, topics);
    ArticleParsers parsers = new ArticleParsers(new TopicTagger(topics), settings.maxArticleBytes());
    this.ingest = new ArticleFolderScanner(db, parsers, articles, settings.storyWindow(), clock);
    this.jobs = new JobHistory(db, clock);
    this.subscribers = new SubscriberStore(db, topics::find, clock);
    this.messages = new Messages();
    this.ledger = new DeliveryLedger(db, clock);
    this.sources = new SourceStore(db, clock);
    this.conversation = new Conversation(subscribers, articles, topics, messages,
        new Defaults(settings.defaultZone(), settings.indonesianZone(), settings.defaultDeliveryTime()), clock,
        ledger, settings.adminChats(), () -> health(clock).lines());
  }

  /** A Quartz scheduler, not yet started, for ingestion and (when given) the due-digest sweep. */
  public Scheduler scheduler(Optional<DeliveryRun> delivery) throws SchedulerException {
    return scheduler(delivery, Optional.empty());
  }

  /** The same, plus fetching the news sources on their interval when {@code fetch} is given. */
  public Scheduler scheduler(Optional<DeliveryRun> delivery, Optional<FetchRun> fetch) throws SchedulerException {
    return Schedules.create(settings.ingestSchedule(), settings.ingestOnStart(),
        new IngestJob(ingest, settings.articlesDir(), jobs), delivery.map(d -> new DeliveryJob(d, jobs)).orElse(null),
        fetch.map(f -> new FetchJob(f, jobs)).orElse(null), settings.fetch().interval());
  }

  /** Opens the database named in the settings (creating and migrating it) and builds the rest. */
  public static App open(Settings settings) {
    return new App(settings, Clock.systemUTC());
  }

  public static void main(String[] args) {
    if (System.getProperty(LOG_LEVEL) == null && args.length > 0 && ONE_SHOT.contains(args[0])) {
      // One-shot commands print their own summary; their log keeps to warnings unless asked.
      System.setProperty(LOG_LEVEL, "WARN");
    }
    System.exit(Cli.run(args));
  }

  private static final String LOG_LEVEL = "warta.log.level";
  public JobHistory jobs() {
    return jobs;
  }

  public SubscriberStore subscribers() {
    return subscribers;
  }

  public Conversation conversation() {
    return conversation;
  }

  /** The operator's view now: last runs, counts and the failures of the last day. */
  public HealthReport health(Clock clock) {
    Instant now = clock.instant();
    return new HealthReport(now, jobs.latest("ingest"), jobs.latest("delivery"), jobs.latest("fetch"),
        sourcesHealth(now), ledger.backlog(),
        articles.articleCount(), subscribers.countByStatus(),
        jobs.failuresSince(now.minus(Duration.ofDays(1)), 10));
  }

  /**
   * The digest sweep sending through {@code outbox} (broadcast traffic, behind replies); side by
   * side enough to keep the outbox at its rate while each send waits for Telegram's answer.
   */
  public DeliveryRun deliveryRun(Outbox outbox) {
    int parallel = Math.max(16, settings.messagesPerSecond() / 4);
    return new DeliveryRun(subscribers, new DigestBuilder(articles, new EntryFormat(messages), messages), ledger,
        (chat, group, html) -> outbox.send(chat, group, html, Outbox.Priority.BROADCAST),
        settings.deliveryGrace(), parallel, clock, () -> outbox.stats().tooManyRequests());
  }

  /** The paced sender for the configured Bot API and rate; close it after use. */
  public Outbox outbox() {
    TelegramUrl url = TelegramBot.telegramUrl(settings.botApiUrl());
    int connections = Math.max(16, settings.messagesPerSecond() / 4);
    TelegramTransport transport = new TelegramTransport(
        TelegramTransport.client(settings.botToken(), url, connections), settings.botToken(), settings.paidBroadcast());
    return new Outbox(transport, OutboxLimits.telegramDefaults().withGlobalPerSecond(settings.messagesPerSecond()));
  }

  private HealthReport.Sources sourcesHealth(Instant now) {
    List<SourceStatus> statuses = SourceStatus.of(sourceList(), sources.states());
    return new HealthReport.Sources(statuses.size(), (int) statuses.stream().filter(SourceStatus::failing).count(),
        (int) statuses.stream().filter(SourceStatus::paused).count(),
        statuses.stream().filter(SourceStatus::failing).map(st -> st.describe(now)).toList());
  }

  /** The polite HTTP client for the configured agent and host delay; close it after use. */
  public PoliteFetcher fetcher() {
    FetchPolicy defaults = FetchPolicy.defaults();
    return new PoliteFetcher(new FetchPolicy(settings.fetch().userAgent(), settings.fetch().hostDelay(),
        defaults.connectTimeout(), defaults.readTimeout(), defaults.callTimeout(), defaults.maxRedirects()));
  }

  /** A fetch of the sources file's feeds into the articles folder through {@code fetcher}. */
  public FetchRun fetchRun(PoliteFetcher fetcher) {
    FetchRun.Limits defaults = FetchRun.Limits.defaults();
    FetchRun.Limits limits = new FetchRun.Limits(defaults.maxFeedBytes(), defaults.maxPageBytes(),
        settings.fetch().maxItemsPerSource(), defaults.maxPageAttempts(), defaults.firstBackoff(),
        defaults.maxBackoff(), defaults.pauseAfter(), settings.fetch().keepPages());
    return new FetchRun(this::sourceList, sources, fetcher, new FeedReader(), settings.articlesDir(), limits, clock);
  }

  /** The operator's sources file as it reads now. */
  public SourceList sourceList() {
    return SourceList.read(settings.fetch().sourcesFile());
  }

  public SourceStore sources() {
    return sources;
  }

  /** Who is due within {@code ahead} and what each would get; nothing is recorded or sent. */
  public List<DeliveryRun.Preview> deliveryPreview(Duration ahead) {
    MessageSenderNone none = new MessageSenderNone();
    return new DeliveryRun(subscribers, new DigestBuilder(articles, new EntryFormat(messages), messages), ledger,
        none, settings.deliveryGrace(), 1, clock).preview(ahead);
  }

  /** For previews: a sender that must never be asked. */
  private static final class MessageSenderNone implements warta.delivery.MessageSender {
    @Override
    public warta.delivery.SendOutcome send(long chatId, boolean group, String html) {
      throw new IllegalStateException("a preview sends nothing");
    }
  }

  public DeliveryLedger ledger() {
    return ledger;
  }

  /** The Telegram bot for the configured token and Bot API URL, not yet started; it replies through {@code outbox}. */
  public TelegramBot telegramBot(Outbox outbox) {
    return new TelegramBot(settings.botToken(), settings.botApiUrl(), conversation, subscribers, messages, outbox,
        settings.webhook());
  }

  private static final Set<String> ONE_SHOT = Set.of("parse", "eval", "ingest", "latest",
      "search", "console", "health", "deliver", "sources");

  public Settings settings() {
    return settings;
  }

  public TopicCatalog topics() {
    return topics;
  }

  public ArticleStore articles() {
    return articles;
  }

  public ArticleFolderScanner ingest() {
    return ingest;
  }

  @Override
  public void close() {
    db.close();
  }
}
