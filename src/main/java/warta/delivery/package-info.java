/** Delivery: due digests built, recorded in the ledger before sending, sent within Telegram's limits, exactly once. */
package warta.delivery;
