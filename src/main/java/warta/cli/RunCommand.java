package warta.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import warta.App;

/** {@code warta run}: the long-running process: the scheduler with its jobs, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs Warta until stopped (Ctrl-C or SIGTERM): ingestion of articles.dir at start "
        + "(ingest.on-start) and on the ingest.cron schedule, each run logged with its summary."})
final class RunCommand extends AppCommand {

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Override
  int run(App app, PrintWriter out, PrintWriter err) {
    Scheduler scheduler;
    try {
      scheduler = app.scheduler();
      scheduler.start();
    } catch (SchedulerException e) {
      err.println("run: the scheduler did not start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread stop = new Thread(() -> {
      log.info("Stopping: waiting for running jobs to finish");
      try {
        scheduler.shutdown(true);
      } catch (SchedulerException e) {
        log.warn("Scheduler did not stop cleanly: {}", e.toString());
      }
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
