/** The readers' languages: message texts from resource bundles, and dates and times as each language writes them. */
package warta.i18n;
