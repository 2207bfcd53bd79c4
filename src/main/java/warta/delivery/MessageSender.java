package warta.delivery;

/** Sends one message of a digest, within the messaging service's limits; blocks until it knows the outcome. */
@FunctionalInterface
public interface MessageSender {
  SendOutcome send(long chatId, boolean group, String html);
}
