/** What an article is about: countries, regions and themes, their names in English and Indonesian, and the tagger. */
package warta.topic;
