package warta.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Warta's command line: {@code warta COMMAND [OPTIONS]}. */
@Command(name = "warta", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
    description = "International news digests for Telegram readers.",
    subcommands = {ParseCommand.class, EvalCommand.class, CommandLine.HelpCommand.class})
public final class Cli {

  /** Runs one command line and returns the exit code: 0 done, 1 nothing done, 2 bad usage. */
  public static int run(String... args) {
    return new CommandLine(new Cli()).execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"warta " + (version == null ? "(development build)" : version)};
    }
  }
}
