/** Telegram: long polling, turning updates into the conversation's input and its replies into Bot API calls. */
package warta.telegram;
