package warta.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import warta.App;
import warta.config.Settings;
import warta.config.SettingsException;
import warta.storage.StorageException;

/** A command that needs Warta's settings and database: bad settings exit 2, a database failure 1. */
abstract class AppCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Settings settings;
    try {
      settings = Settings.load();
    } catch (SettingsException e) {
      err.println("Settings cannot be used:");
      e.problems().forEach(problem -> err.println("  " + problem));
      return 2;
    }
    try (App app = App.open(settings)) {
      return run(app, spec.commandLine().getOut(), err);
    } catch (StorageException e) {
      err.println(spec.name() + ": " + e.getMessage());
      return 1;
    } finally {
      spec.commandLine().getOut().flush();
      err.flush();
    }
  }

  abstract int run(App app, PrintWriter out, PrintWriter err);
}
