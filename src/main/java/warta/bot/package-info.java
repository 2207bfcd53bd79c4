/** The conversation with readers: commands and their replies, free of any transport (Telegram or the console). */
package warta.bot;
