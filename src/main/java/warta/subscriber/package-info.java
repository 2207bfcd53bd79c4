/** Readers: their chats, preferences (topics, delivery time, time zone, language) and status. */
package warta.subscriber;
