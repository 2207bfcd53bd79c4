/** Settings: bot.properties with system-property and environment overrides, every problem reported at once. */
package warta.config;
