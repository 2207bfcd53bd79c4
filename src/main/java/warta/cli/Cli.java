package warta.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Warta's command line: {@code warta COMMAND [OPTIONS]}. */
@Command(name = "warta", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = "International news digests for Telegram readers.",
    subcommands = {RunCommand.class, ConsoleCommand.class, IngestCommand.class, LatestCommand.class,
        SearchCommand.class, DeliverCommand.class, HealthCommand.class, FetchCommand.class, SourcesCommand.class, ParseCommand.class, EvalCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Runs one command line on the process's streams (UTF-8) and returns the exit code. */
  public static int run(String... args) {
    return run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
  }

  /** Runs one command line: exit code 0 done, 1 nothing done, 2 bad usage. No command means {@code run}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 0) {
      args = new String[] {"run"};
    }
    CommandLine commandLine = new CommandLine(new Cli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** No command: say what the commands are, as bad usage. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"warta " + (version == null ? "(development build)" : version)};
    }
  }
}
