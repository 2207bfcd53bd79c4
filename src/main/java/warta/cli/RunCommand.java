package warta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import picocli.CommandLine.Command;
import warta.App;
import warta.delivery.Outbox;
import warta.fetch.PoliteFetcher;
import warta.health.HealthEndpoint;
import warta.telegram.TelegramBot;

/** {@code warta run}: the long-running process: the Telegram bot and the scheduler, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs Warta until stopped (Ctrl-C or SIGTERM): the Telegram bot (long polling) and the "
        + "scheduler: ingestion of articles.dir at start (ingest.on-start) and on the ingest.cron schedule, and "
        + "every minute the daily digests that are due.",
        "Needs a bot token: from @BotFather, in the environment as TELEGRAM_BOT_TOKEN."})
final class RunCommand extends AppCommand {

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  private static void stopQuietly(Scheduler scheduler) {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      log.warn("Scheduler did not stop cleanly: {}", e.toString());
    }
  }

  @Override
  int run(App app, PrintWriter out, PrintWriter err) {
    if (app.settings().botToken().isEmpty()) {
      err.println("run: no Telegram bot token. Create a bot with @BotFather in Telegram (/newbot), then give its "
          + "token to Warta in the environment: TELEGRAM_BOT_TOKEN=123456:ABC... java -jar target/warta.jar run "
          + "(or -Dtelegram.bot.token=...; never in bot.properties). Without a token, try: java -jar "
          + "target/warta.jar console");
      return 2;
    }
    Outbox outbox = app.outbox(); // one sender for replies and digests
    Optional<PoliteFetcher> fetcher = app.settings().fetch().enabled()
        ? Optional.of(app.fetcher()) : Optional.empty();
    TelegramBot bot = app.telegramBot(outbox);
    try {
      bot.start();
    } catch (TelegramApiException e) {
      err.println("run: " + e.getMessage());
      outbox.close();
      fetcher.ifPresent(PoliteFetcher::close);
      return 1;
    }
    Scheduler scheduler;
    try {
      scheduler = app.scheduler(Optional.of(app.deliveryRun(outbox)),
          fetcher.map(app::fetchRun));
      scheduler.start();
    } catch (SchedulerException e) {
      err.println("run: the scheduler did not start: " + e.getMessage());
      bot.close();
      outbox.close();
      fetcher.ifPresent(PoliteFetcher::close);
      return 1;
    }
    Optional<HealthEndpoint> healthView;
    try {
      healthView = app.settings().healthAddress().isEmpty() ? Optional.empty()
          : Optional.of(HealthEndpoint.start(new InetSocketAddress(app.settings().healthAddress().get().getHostString(),
              app.settings().healthAddress().get().getPort()), () -> app.health(Clock.systemUTC()), HealthCommand.STALE));
    } catch (IOException e) {
      err.println("run: the health view cannot listen on " + app.settings().healthAddress().get() + ": " + e);
      bot.close();
      stopQuietly(scheduler);
      outbox.close();
      fetcher.ifPresent(PoliteFetcher::close);
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread stop = new Thread(() -> {
      log.info("Stopping: waiting for running jobs to finish");
      healthView.ifPresent(HealthEndpoint::close);
      bot.close();
      try {
        scheduler.shutdown(true);
      } catch (SchedulerException e) {
        log.warn("Scheduler did not stop cleanly: {}", e.toString());
      }
      outbox.close();
      fetcher.ifPresent(PoliteFetcher::close);
      app.close(); // the JVM may halt before the main thread gets to it
      log.info("Stopped");
      stopped.countDown();
    }, "shutdown");
    Runtime.getRuntime().addShutdownHook(stop);
    log.info("Warta running: database {}, articles {}", app.settings().databaseFile(), app.settings().articlesDir());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
