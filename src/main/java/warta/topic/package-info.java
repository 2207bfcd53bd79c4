/** What an article is about: countries, regions and themes, their names in each language, and the tagger. */
package warta.topic;
