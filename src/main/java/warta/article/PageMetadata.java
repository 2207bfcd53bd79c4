package warta.article;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself: JSON-LD, OpenGraph and other meta tags, microdata, the
 * canonical link. Each field keeps its candidates in order of trust; the parser chooses.
 */
final class PageMetadata {

  private static final ObjectMapper LENIENT_JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .enable(JsonParser.Feature.IGNORE_UNDEFINED)
      .build();
  private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
      "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle",
      "blogposting", "liveblogposting", "report", "scholarlyarticle", "techarticle", "socialmediaposting",
      "review", "satiricalarticle", "advertisertcontentarticle", "medicalscholarlyarticle", "discussionforumposting");
  private static final int MAX_JSON_LD_CHARS = 1_000_000;

  /** Headlines the page declares, most trusted first, each with where it came from. */
  final Map<String, String> headlines = new LinkedHashMap<>();
  /** Publication dates as written, most trusted first. */
  final List<String> dates = new ArrayList<>();
  final List<String> urls = new ArrayList<>();
  final List<String> siteNames = new ArrayList<>();
  final List<String> languages = new ArrayList<>();
  final List<String> sections = new ArrayList<>();
  final List<String> descriptions = new ArrayList<>();
  String title = "";

  private PageMetadata() {}

  static PageMetadata of(Document page) {
    PageMetadata meta = new PageMetadata();
    meta.readJsonLd(page);
    meta.readMetaTags(page);
    meta.readMicrodata(page);
    meta.title = PlainText.normalize(page.title());
    return meta;
  }

  private void readJsonLd(Document page) {
    List<JsonNode> articles = new ArrayList<>();
    List<JsonNode> others = new ArrayList<>();
    for (Element script : page.select("script[type~=(?i)application/ld\\+json]")) {
      String data = script.data().strip();
      if (data.isEmpty() || data.length() > MAX_JSON_LD_CHARS) {
        continue;
      }
      data = data.replace("<!--", "").replace("-->", "").replace("<![CDATA[", "").replace("]]>", "");
      try {
        collectTyped(LENIENT_JSON.readTree(data), articles, others, 0);
      } catch (Exception e) {
        // Broken JSON-LD is common; the page's other metadata still counts.
      }
    }
    for (JsonNode node : articles) {
      addText(headlines, "json-ld headline", node.path("headline"));
      addText(dates, node.path("datePublished"));
      addText(dates, node.path("dateCreated"));
      addUrl(node.path("url"));
      addUrl(node.path("mainEntityOfPage"));
      addText(siteNames, node.path("publisher").path("name"));
      addText(languages, node.path("inLanguage"));
      addText(sections, node.path("articleSection"));
      addText(descriptions, node.path("description"));
    }
    for (JsonNode node : others) {
      if (types(node).contains("webpage") || types(node).contains("itempage")) {
        addText(dates, node.path("datePublished"));
      }
      if (types(node).contains("website") || types(node).contains("organization")
          || types(node).contains("newsmediaorganization")) {
        addText(siteNames, node.path("name"));
      }
    }
  }

  private static void collectTyped(JsonNode node, List<JsonNode> articles, List<JsonNode> others, int depth) {
    if (node == null || depth > 6) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> collectTyped(child, articles, others, depth + 1));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    Set<String> types = types(node);
    if (types.stream().anyMatch(ARTICLE_TYPES::contains)) {
      articles.add(node);
    } else if (!types.isEmpty()) {
      others.add(node);
    }
    collectTyped(node.get("@graph"), articles, others, depth + 1);
    if (types.isEmpty() || !types.stream().anyMatch(ARTICLE_TYPES::contains)) {
      collectTyped(node.get("mainEntity"), articles, others, depth + 1);
    }
  }

  private static Set<String> types(JsonNode node) {
    JsonNode type = node.path("@type");
    Set<String> types = new java.util.HashSet<>();
    if (type.isTextual()) {
      types.add(type.asText().toLowerCase(Locale.ROOT).replaceFirst("^.*[/:]", ""));
    } else if (type.isArray()) {
      type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT).replaceFirst("^.*[/:]", "")));
    }
    return types;
  }

  private void addUrl(JsonNode node) {
    if (node.isObject()) {
      addText(urls, node.path("@id"));
      addText(urls, node.path("url"));
    } else {
      addText(urls, node);
    }
  }

  private void readMetaTags(Document page) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (Element meta : page.select("meta[content]")) {
      String key = !meta.attr("property").isEmpty() ? meta.attr("property")
          : !meta.attr("name").isEmpty() ? meta.attr("name")
          : !meta.attr("itemprop").isEmpty() ? meta.attr("itemprop")
          : meta.attr("http-equiv");
      String content = PlainText.normalize(meta.attr("content"));
      if (!key.isEmpty() && !content.isEmpty()) {
        byName.computeIfAbsent(key.toLowerCase(Locale.ROOT).strip(), k -> new ArrayList<>()).add(content);
      }
    }
    for (String key : List.of("og:title", "twitter:title", "title", "headline", "sailthru.title",
        "parsely-title", "dc.title")) {
      byName.getOrDefault(key, List.of()).forEach(v -> headlines.putIfAbsent(v, key));
    }
    for (String key : List.of("article:published_time", "datepublished", "og:published_time",
        "article.published", "parsely-pub-date", "sailthru.date", "pubdate", "publishdate",
        "publish-date", "publish_date", "published_time", "published-date", "dc.date.issued", "dc.date",
        "dcterms.date", "dcterms.created", "date", "article_date_original", "originalpublicationdate",
        "cxenseparse:recs:publishtime", "datecreated", "article:post_date", "og:article:published_time")) {
      dates.addAll(byName.getOrDefault(key, List.of()));
    }
    urls.addAll(byName.getOrDefault("og:url", List.of()));
    siteNames.addAll(byName.getOrDefault("og:site_name", List.of()));
    siteNames.addAll(byName.getOrDefault("application-name", List.of()));
    for (String key : List.of("content-language", "og:locale", "language", "dc.language", "inlanguage")) {
      languages.addAll(byName.getOrDefault(key, List.of()));
    }
    for (String key : List.of("article:section", "section", "parsely-section", "articlesection",
        "category")) {
      sections.addAll(byName.getOrDefault(key, List.of()));
    }
    for (String key : List.of("og:description", "description", "twitter:description")) {
      descriptions.addAll(byName.getOrDefault(key, List.of()));
    }
    Element canonical = page.selectFirst("link[rel~=(?i)^canonical$][href]");
    if (canonical != null) {
      urls.add(0, canonical.absUrl("href").isEmpty() ? canonical.attr("href") : canonical.absUrl("href"));
    }
    Element html = page.selectFirst("html[lang]");
    if (html != null) {
      languages.add(0, html.attr("lang"));
    }
  }

  private void readMicrodata(Document page) {
    for (Element e : page.select("[itemprop~=(?i)^datePublished$]")) {
      String value = !e.attr("content").isEmpty() ? e.attr("content")
          : !e.attr("datetime").isEmpty() ? e.attr("datetime") : e.text();
      if (!value.isBlank()) {
        dates.add(PlainText.normalize(value));
      }
    }
    for (Element e : page.select("[itemprop~=(?i)^headline$]")) {
      String value = !e.attr("content").isEmpty() ? e.attr("content") : e.text();
      if (!value.isBlank() && value.length() < 400) {
        headlines.putIfAbsent(PlainText.normalize(value), "itemprop headline");
      }
    }
  }

  private static void addText(List<String> into, JsonNode node) {
    if (node.isTextual() && !node.asText().isBlank()) {
      into.add(PlainText.normalize(org.jsoup.parser.Parser.unescapeEntities(node.asText(), false)));
    } else if (node.isArray()) {
      node.forEach(child -> addText(into, child));
    } else if (node.isObject() && node.has("@value")) {
      addText(into, node.get("@value"));
    }
  }

  private static void addText(Map<String, String> into, String origin, JsonNode node) {
    List<String> values = new ArrayList<>();
    addText(values, node);
    values.forEach(v -> into.putIfAbsent(v, origin));
  }
}
