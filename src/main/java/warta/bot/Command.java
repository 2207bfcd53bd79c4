package warta.bot;

import java.util.List;

/** One slash command: its name as typed, whether it changes the chat's settings, and what it answers. */
interface Command {

  String name();

  /** In a group, only admins may run commands that change settings. */
  default boolean changesSettings() {
    return false;
  }

  /** The replies to {@code /name arguments}; {@code arguments} is trimmed, possibly empty. */
  List<Reply> run(Turn turn, String arguments);
}
