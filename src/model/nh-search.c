/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-search.c: full-text search over an edition, case- and accent-insensitive
 *
 * Every place a parent may look for something is indexed: the handbook's
 * sections, the checklist (its steps and tiers), the card page, the
 * edition's contacts and the installed help topics. Each text is cut into
 * words folded by g_str_tokenize_and_fold() with their ASCII alternates, and
 * each word of a query is folded exactly the same way, so "cafe" finds
 * "café", "infectión" finds "infection" and "infecao" finds "infeção".
 *
 * A place matches when every word of the query is a word of it, or the
 * start of one. Places where every query word is found as a whole word
 * come before places found only by word starts ("live" before "liver");
 * then hits in the title and the edition's extra search words weigh more
 * than hits in the text. The snippet shows, and marks, the word that
 * matched, a whole word first.
 *
 * When a query finds nothing, nh_search_suggest() offers the closest words
 * of the index's own vocabulary (edit distance up to 2, for words of five
 * letters or more).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nh-help-topics.h"
#include "nh-search.h"

#define TITLE_WEIGHT 100
#define WHOLE_WEIGHT 100000
#define SNIPPET_BEFORE 40
#define SNIPPET_AFTER 110
#define SUGGEST_MIN_CHARS 5
#define SUGGEST_MAX_DISTANCE 2

struct _NhSearchResult
{
  GObject        parent_instance;
  NhSearchPlace  place;
  NhSection     *section;
  char          *page_id;
  char          *title;
  char          *where;
  guint          block_index;
  guint          score;
  char          *snippet;
  gsize          match_start; /* bytes, within snippet */
  gsize          match_end;
};

G_DEFINE_FINAL_TYPE (NhSearchResult, nh_search_result, G_TYPE_OBJECT)

typedef struct
{
  guint  block_index;
  char  *text;          /* original, for snippets */
  char  *where;         /* nullable: overrides the place's */
  GStrv  words;         /* folded words and their ASCII alternates */
} IndexedText;

typedef struct
{
  NhSearchPlace  place;
  NhSection     *section;     /* nullable */
  char          *page_id;
  char          *title;
  char          *where;
  GStrv          title_words; /* the title's and the extra search words' */
  GArray        *texts;       /* of IndexedText */
} IndexedPlace;

struct _NhSearch
{
  GObject     parent_instance;
  NhEdition  *edition;
  GArray     *places;      /* of IndexedPlace */
  GHashTable *vocabulary;  /* folded word -> count, built on first use */
};

enum {
  PROP_0,
  PROP_EDITION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (NhSearch, nh_search, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static GStrv
fold_words (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ascii = NULL;
  g_auto(GStrv) tokens = g_str_tokenize_and_fold (text ? text : "", NULL, &ascii);

  g_strv_builder_addv (builder, (const char **)tokens);
  g_strv_builder_addv (builder, (const char **)ascii);

  return g_strv_builder_end (builder);
}

/* The words of a query, each with all its folded forms: folded exactly as
 * the indexed text is, so both sides meet. */
static GPtrArray *
fold_query (const char *query)
{
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_auto(GStrv) tokens = g_str_tokenize_and_fold (query, NULL, NULL);

  for (guint i = 0; tokens[i]; i++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) ascii = NULL;
      g_auto(GStrv) forms = g_str_tokenize_and_fold (tokens[i], NULL, &ascii);

      g_strv_builder_add (builder, tokens[i]);
      g_strv_builder_addv (builder, (const char **)forms);
      g_strv_builder_addv (builder, (const char **)ascii);
      g_ptr_array_add (words, g_strv_builder_end (builder));
    }

  return words;
}

static void
indexed_text_clear (gpointer data)
{
  IndexedText *text = data;

  g_clear_pointer (&text->text, g_free);
  g_clear_pointer (&text->where, g_free);
  g_clear_pointer (&text->words, g_strfreev);
}

static void
indexed_place_clear (gpointer data)
{
  IndexedPlace *place = data;

  g_clear_object (&place->section);
  g_clear_pointer (&place->page_id, g_free);
  g_clear_pointer (&place->title, g_free);
  g_clear_pointer (&place->where, g_free);
  g_clear_pointer (&place->title_words, g_strfreev);
  g_clear_pointer (&place->texts, g_array_unref);
}

static void
add_text (IndexedPlace *place,
          guint         block_index,
          const char   *text,
          const char   *where)
{
  IndexedText entry;

  if (text == NULL || *text == '\0')
    return;

  entry.block_index = block_index;
  entry.text = g_strdup (text);
  entry.where = g_strdup (where);
  entry.words = fold_words (text);
  g_array_append_val (place->texts, entry);
}

static IndexedPlace *
add_place (NhSearch           *self,
           NhSearchPlace       kind,
           NhSection          *section,
           const char         *page_id,
           const char         *title,
           const char         *where,
           const char * const *search_words)
{
  IndexedPlace place = { 0 };
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_auto(GStrv) title_words = fold_words (title);

  place.place = kind;
  place.section = section ? g_object_ref (section) : NULL;
  place.page_id = g_strdup (page_id);
  place.title = g_strdup (title);
  place.where = g_strdup (where);

  g_strv_builder_addv (words, (const char **)title_words);
  for (guint i = 0; search_words && search_words[i]; i++)
    {
      g_auto(GStrv) folded = fold_words (search_words[i]);

      g_strv_builder_addv (words, (const char **)folded);
    }
  place.title_words = g_strv_builder_end (words);

  place.texts = g_array_new (FALSE, FALSE, sizeof (IndexedText));
  g_array_set_clear_func (place.texts, indexed_text_clear);

  g_array_append_val (self->places, place);
  return &g_array_index (self->places, IndexedPlace, self->places->len - 1);
}

static void
index_contacts (NhSearch     *self,
                IndexedPlace *place,
                guint         block_index)
{
  g_autofree char *where = g_strdup_printf (C_("search-where", "Contacts, in “%s”"), place->title);
  guint n = nh_edition_get_n_contacts (self->edition);

  add_text (place, block_index, nh_edition_get_source_credit (self->edition), NULL);
  add_text (place, block_index, nh_edition_get_publisher (self->edition), where);
  add_text (place, block_index, nh_edition_get_publisher_contact (self->edition), where);

  for (guint i = 0; i < n; i++)
    {
      const NhEditionContact *contact = nh_edition_get_contact (self->edition, i);
      g_autofree char *line = g_strdup_printf ("%s%s%s", contact->name,
                                               contact->phone ? ": " : "",
                                               contact->phone ? contact->phone : "");

      add_text (place, block_index, line, where);
      add_text (place, block_index, contact->note, where);
    }
}

static void
index_sections (NhSearch *self)
{
  guint n = nh_edition_get_n_sections (self->edition);

  for (guint i = 0; i < n; i++)
    {
      NhSection *section = nh_edition_get_section (self->edition, i);
      guint n_blocks = nh_section_get_n_blocks (section);
      IndexedPlace *place;

      place = add_place (self, NH_SEARCH_PLACE_SECTION, section,
                         nh_section_get_id (section), nh_section_get_title (section),
                         C_("search-where", "Handbook"), nh_section_get_search_words (section));

      for (guint b = 0; b < n_blocks; b++)
        {
          NhBlock *block = nh_section_get_block (section, b);
          const char * const *items = nh_block_get_items (block);

          switch (nh_block_get_kind (block))
            {
            case NH_BLOCK_DISCLAIMER:
              add_text (place, b, nh_edition_get_disclaimer (self->edition), NULL);
              break;

            case NH_BLOCK_EDITION_INFO:
              index_contacts (self, place, b);
              break;

            case NH_BLOCK_LIST:
              for (guint j = 0; items && items[j]; j++)
                add_text (place, b, items[j], NULL);
              break;

            case NH_BLOCK_PARAGRAPH:
            case NH_BLOCK_HEADING:
            case NH_BLOCK_IMPORTANT:
            default:
              add_text (place, b, nh_block_get_text (block), NULL);
              break;
            }
        }
    }
}

static void
index_tools (NhSearch *self)
{
  const char * const *instructions = nh_edition_get_card_instructions (self->edition);
  guint n_tiers = nh_edition_get_n_checklist_tiers (self->edition);
  IndexedPlace *place;

  place = add_place (self, NH_SEARCH_PLACE_CHECKLIST, NULL, "@checklist",
                     nh_edition_get_checklist_title (self->edition), C_("search-where", "Checklist"),
                     nh_edition_get_checklist_search_words (self->edition));
  add_text (place, 0, nh_edition_get_checklist_intro (self->edition), NULL);

  for (guint t = 0; t < n_tiers; t++)
    {
      NhChecklistTier *tier = nh_edition_get_checklist_tier (self->edition, t);
      guint n_items = nh_checklist_tier_get_n_items (tier);
      /* Translators: where a search result is: a step of the checklist */
      g_autofree char *where = g_strdup_printf (C_("search-where", "Checklist, “%s”"),
                                                nh_checklist_tier_get_title (tier));

      add_text (place, 0, nh_checklist_tier_get_title (tier), where);
      for (guint i = 0; i < n_items; i++)
        add_text (place, 0, nh_checklist_tier_get_item_text (tier, i), where);
    }

  place = add_place (self, NH_SEARCH_PLACE_CARD, NULL, "@card",
                     nh_edition_get_card_title (self->edition), C_("search-where", "Emergency card"), NULL);
  add_text (place, 0, nh_edition_get_card_diagnosis_default (self->edition), NULL);
  for (guint i = 0; instructions && instructions[i]; i++)
    add_text (place, 0, instructions[i], NULL);
}

static void
index_help (NhSearch *self)
{
  g_autoptr(GPtrArray) topics = nh_help_topics_load (nh_edition_get_language (self->edition));

  for (guint i = 0; i < topics->len; i++)
    {
      NhHelpTopic *topic = g_ptr_array_index (topics, i);
      g_autofree char *page_id = g_strdup_printf ("help:" GETTEXT_PACKAGE "/%s", topic->id);
      IndexedPlace *place = add_place (self, NH_SEARCH_PLACE_HELP, NULL, page_id,
                                       topic->title, C_("search-where", "Help"), NULL);

      for (guint p = 0; topic->paragraphs[p]; p++)
        add_text (place, 0, topic->paragraphs[p], NULL);
    }
}

static void
build_index (NhSearch *self)
{
  index_sections (self);
  index_tools (self);
  index_help (self);
}

/* Counts the words that are one of @forms (whole) and that start with one. */
static void
count_hits (const char * const *words,
            const char * const *forms,
            guint              *whole,
            guint              *prefix)
{
  for (guint i = 0; words[i]; i++)
    for (guint f = 0; forms[f]; f++)
      if (g_str_has_prefix (words[i], forms[f]))
        {
          if (words[i][strlen (forms[f])] == '\0')
            (*whole)++;
          else
            (*prefix)++;
          break;
        }
}

/* 2 when a folded form of @word is a query form, 1 when it starts with one. */
static int
word_match (const char *word,
            GPtrArray  *query)
{
  g_auto(GStrv) folded = fold_words (word);
  int best = 0;

  for (guint i = 0; folded[i]; i++)
    for (guint q = 0; q < query->len; q++)
      {
        const char * const *forms = g_ptr_array_index (query, q);

        for (guint f = 0; forms[f]; f++)
          if (g_str_has_prefix (folded[i], forms[f]))
            {
              if (folded[i][strlen (forms[f])] == '\0')
                return 2;
              best = 1;
            }
      }

  return best;
}

/* Finds the first word of @text that is a query word (when the index says
 * @text has one: @want_whole), or else the first that starts with one;
 * returns its byte range. */
static gboolean
find_match (const char *text,
            GPtrArray  *query,
            gboolean    want_whole,
            gsize      *start,
            gsize      *end)
{
  const char *p = text;
  gboolean found = FALSE;

  while (*p)
    {
      const char *word_start;
      g_autofree char *word = NULL;
      int match;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (!*p)
        break;

      word_start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      word = g_strndup (word_start, p - word_start);
      match = word_match (word, query);
      if (match == 2 || (match == 1 && !found))
        {
          *start = word_start - text;
          *end = p - text;
          found = TRUE;
          if (match == 2 || !want_whole)
            return TRUE;
        }
    }

  return found;
}

/* Cuts a window around the match at word boundaries, with ellipses. */
static NhSearchResult *
make_result (IndexedPlace      *place,
             const IndexedText *text,
             gboolean           whole,
             GPtrArray         *query,
             guint              score)
{
  NhSearchResult *result = g_object_new (NH_TYPE_SEARCH_RESULT, NULL);
  const char *s = text ? text->text : NULL;
  gsize start = 0, end = 0;

  result->place = place->place;
  result->section = place->section ? g_object_ref (place->section) : NULL;
  result->page_id = g_strdup (place->page_id);
  result->title = g_strdup (place->title);
  result->where = g_strdup (text && text->where ? text->where : place->where);
  result->block_index = text ? text->block_index : 0;
  result->score = score;

  if (s == NULL)
    {
      result->snippet = g_strdup ("");
      return result;
    }

  if (find_match (s, query, whole, &start, &end))
    {
      const char *from = s + start;
      const char *to = s + end;
      g_autoptr(GString) snippet = g_string_new (NULL);
      guint chars = 0;

      while (from > s && chars < SNIPPET_BEFORE)
        {
          from = g_utf8_prev_char (from);
          chars++;
        }
      if (from > s)
        {
          while (*from && !g_unichar_isspace (g_utf8_get_char (from)) && from < s + start)
            from = g_utf8_next_char (from);
          while (g_unichar_isspace (g_utf8_get_char (from)))
            from = g_utf8_next_char (from);
        }

      for (chars = 0; *to && chars < SNIPPET_AFTER; chars++)
        to = g_utf8_next_char (to);
      while (*to && !g_unichar_isspace (g_utf8_get_char (to)))
        to = g_utf8_next_char (to);

      if (from > s)
        g_string_append (snippet, "…");
      result->match_start = snippet->len + (s + start - from);
      result->match_end = result->match_start + (end - start);
      g_string_append_len (snippet, from, to - from);
      if (*to)
        g_string_append (snippet, "…");

      result->snippet = g_string_free (g_steal_pointer (&snippet), FALSE);
    }
  else
    {
      g_autofree char *start_text = g_utf8_substring (s, 0, MIN (g_utf8_strlen (s, -1), SNIPPET_AFTER));

      result->snippet = g_strconcat (start_text, g_utf8_strlen (s, -1) > SNIPPET_AFTER ? "…" : "", NULL);
    }

  return result;
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  NhSearchResult *ra = *(NhSearchResult **)a;
  NhSearchResult *rb = *(NhSearchResult **)b;

  if (ra->score != rb->score)
    return ra->score > rb->score ? -1 : 1;

  return 0; /* stable sort keeps reading order */
}

/* Returns the result for @place, or NULL when a query word is not in it. */
static NhSearchResult *
match_place (IndexedPlace *place,
             GPtrArray    *query)
{
  const IndexedText *whole_hit = NULL;
  const IndexedText *prefix_hit = NULL;
  guint n_whole = 0;
  guint score = 0;

  for (guint q = 0; q < query->len; q++)
    {
      const char * const *forms = g_ptr_array_index (query, q);
      guint title_whole = 0, title_prefix = 0;
      guint text_whole = 0, text_prefix = 0;

      count_hits ((const char * const *)place->title_words, forms, &title_whole, &title_prefix);

      for (guint t = 0; t < place->texts->len; t++)
        {
          const IndexedText *text = &g_array_index (place->texts, IndexedText, t);
          guint whole = 0, prefix = 0;

          count_hits ((const char * const *)text->words, forms, &whole, &prefix);
          if (whole > 0 && whole_hit == NULL)
            whole_hit = text;
          if (prefix > 0 && prefix_hit == NULL)
            prefix_hit = text;
          text_whole += whole;
          text_prefix += prefix;
        }

      if (title_whole + title_prefix + text_whole + text_prefix == 0)
        return NULL;

      if (title_whole + text_whole > 0)
        n_whole++;

      score += MIN (title_whole * 2 + title_prefix, 9) * TITLE_WEIGHT +
               MIN (text_whole * 2 + text_prefix, TITLE_WEIGHT - 1);
    }

  /* Every word found whole comes first; a partial one counts as prefix. */
  if (n_whole == query->len)
    score += WHOLE_WEIGHT;

  if (whole_hit != NULL)
    return make_result (place, whole_hit, TRUE, query, score);
  if (prefix_hit != NULL)
    return make_result (place, prefix_hit, FALSE, query, score);

  /* A hit in the title or the search words only shows the opening words. */
  return make_result (place,
                      place->texts->len > 0 ? &g_array_index (place->texts, IndexedText, 0) : NULL,
                      FALSE, query, score);
}

static void
nh_search_result_finalize (GObject *object)
{
  NhSearchResult *self = (NhSearchResult *)object;

  g_clear_object (&self->section);
  g_clear_pointer (&self->page_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->where, g_free);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (nh_search_result_parent_class)->finalize (object);
}

static void
nh_search_result_class_init (NhSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nh_search_result_finalize;
}

static void
nh_search_result_init (NhSearchResult *self)
{
}

static void
nh_search_finalize (GObject *object)
{
  NhSearch *self = (NhSearch *)object;

  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->vocabulary, g_hash_table_unref);
  g_clear_object (&self->edition);

  G_OBJECT_CLASS (nh_search_parent_class)->finalize (object);
}

static void
nh_search_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NhSearch *self = NH_SEARCH (object);

  switch (prop_id)
    {
    case PROP_EDITION:
      g_value_set_object (value, self->edition);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_search_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NhSearch *self = NH_SEARCH (object);

  switch (prop_id)
    {
    case PROP_EDITION:
      self->edition = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_search_constructed (GObject *object)
{
  NhSearch *self = NH_SEARCH (object);

  G_OBJECT_CLASS (nh_search_parent_class)->constructed (object);

  g_assert (self->edition != NULL);
  build_index (self);
}

static void
nh_search_class_init (NhSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_search_finalize;
  object_class->constructed = nh_search_constructed;
  object_class->get_property = nh_search_get_property;
  object_class->set_property = nh_search_set_property;

  properties[PROP_EDITION] =
    g_param_spec_object ("edition", NULL, NULL,
                         NH_TYPE_EDITION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nh_search_init (NhSearch *self)
{
  self->places = g_array_new (FALSE, FALSE, sizeof (IndexedPlace));
  g_array_set_clear_func (self->places, indexed_place_clear);
}

NhSearch *
nh_search_new (NhEdition *edition)
{
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  return g_object_new (NH_TYPE_SEARCH, "edition", edition, NULL);
}

/**
 * nh_search_query:
 *
 * Returns: (transfer full): a list of NhSearchResult, best first, one per
 *   matching place (section, checklist, card page or help topic)
 */
GListModel *
nh_search_query (NhSearch   *self,
                 const char *query)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) words = NULL;
  GListStore *store;

  g_return_val_if_fail (NH_IS_SEARCH (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  store = g_list_store_new (NH_TYPE_SEARCH_RESULT);
  words = fold_query (query);

  if (words->len == 0)
    return G_LIST_MODEL (store);

  results = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->places->len; i++)
    {
      NhSearchResult *result = match_place (&g_array_index (self->places, IndexedPlace, i), words);

      if (result != NULL)
        g_ptr_array_add (results, result);
    }

  g_ptr_array_sort (results, compare_results);

  for (guint i = 0; i < results->len; i++)
    g_list_store_append (store, g_ptr_array_index (results, i));

  return G_LIST_MODEL (store);
}

static void
count_words (GHashTable         *vocabulary,
             const char * const *words)
{
  for (guint i = 0; words[i]; i++)
    {
      gpointer count = g_hash_table_lookup (vocabulary, words[i]);

      g_hash_table_replace (vocabulary, g_strdup (words[i]),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }
}

static void
ensure_vocabulary (NhSearch *self)
{
  if (self->vocabulary != NULL)
    return;

  self->vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->places->len; i++)
    {
      IndexedPlace *place = &g_array_index (self->places, IndexedPlace, i);

      count_words (self->vocabulary, (const char * const *)place->title_words);
      for (guint t = 0; t < place->texts->len; t++)
        count_words (self->vocabulary,
                     (const char * const *)g_array_index (place->texts, IndexedText, t).words);
    }
}

/* Optimal string alignment distance (a swap of two letters is one edit),
 * in characters; gives up above @limit. */
static guint
edit_distance (const gunichar *a,
               glong           la,
               const gunichar *b,
               glong           lb,
               guint           limit)
{
  g_autofree guint *rows = g_new (guint, 3 * (lb + 1));
  guint *before = rows, *previous = rows + (lb + 1), *current = rows + 2 * (lb + 1);
  guint result;

  for (glong j = 0; j <= lb; j++)
    previous[j] = j;

  for (glong i = 1; i <= la; i++)
    {
      guint row_min;

      current[0] = row_min = i;
      for (glong j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, before[j - 2] + 1);
          current[j] = best;
          row_min = MIN (row_min, best);
        }
      if (row_min > limit)
        return limit + 1;

      {
        guint *spare = before;

        before = previous;
        previous = current;
        current = spare;
      }
    }

  result = previous[lb];
  return result;
}

/* Is any form of @forms a word of the index, or the start of one? */
static gboolean
in_vocabulary (NhSearch           *self,
               const char * const *forms)
{
  GHashTableIter iter;
  gpointer key;

  for (guint f = 0; forms[f]; f++)
    if (g_hash_table_contains (self->vocabulary, forms[f]))
      return TRUE;

  g_hash_table_iter_init (&iter, self->vocabulary);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    for (guint f = 0; forms[f]; f++)
      if (g_str_has_prefix (key, forms[f]))
        return TRUE;

  return FALSE;
}

static const char *
closest_word (NhSearch   *self,
              const char *word)
{
  g_autofree gunichar *chars = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_distance = SUGGEST_MAX_DISTANCE + 1;
  guint best_count = 0;
  glong len;

  chars = g_utf8_to_ucs4_fast (word, -1, &len);

  g_hash_table_iter_init (&iter, self->vocabulary);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree gunichar *other = NULL;
      glong other_len = g_utf8_strlen (key, -1);
      guint distance;
      guint count = GPOINTER_TO_UINT (value);

      if (ABS (other_len - len) > SUGGEST_MAX_DISTANCE || other_len < SUGGEST_MIN_CHARS - SUGGEST_MAX_DISTANCE)
        continue;

      other = g_utf8_to_ucs4_fast (key, -1, NULL);
      distance = edit_distance (chars, len, other, other_len, SUGGEST_MAX_DISTANCE);

      /* The closest; then the most used; then the first in order, so the
       * answer does not depend on the hash table's. */
      if (distance < best_distance ||
          (distance == best_distance && best != NULL &&
           (count > best_count || (count == best_count && g_strcmp0 (key, best) < 0))))
        {
          best = key;
          best_distance = distance;
          best_count = count;
        }
    }

  return best;
}

/**
 * nh_search_suggest:
 *
 * For "Did you mean …?": the query with each word of five letters or more
 * that the index does not have replaced by the closest word it has (edit
 * distance up to 2).
 *
 * Returns: (transfer full) (nullable): the query as folded words, or NULL
 *   when there is nothing to suggest
 */
char *
nh_search_suggest (NhSearch   *self,
                   const char *query)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GString) suggestion = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (NH_IS_SEARCH (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  ensure_vocabulary (self);
  words = fold_query (query);
  suggestion = g_string_new (NULL);

  for (guint q = 0; q < words->len; q++)
    {
      const char * const *forms = g_ptr_array_index (words, q);
      const char *word = forms[0];
      const char *replacement = NULL;

      if (g_utf8_strlen (word, -1) >= SUGGEST_MIN_CHARS && !in_vocabulary (self, forms))
        replacement = closest_word (self, word);

      if (replacement != NULL)
        changed = TRUE;
      if (suggestion->len > 0)
        g_string_append_c (suggestion, ' ');
      g_string_append (suggestion, replacement ? replacement : word);
    }

  if (!changed)
    return NULL;

  return g_string_free (g_steal_pointer (&suggestion), FALSE);
}

/* Returns: (transfer none) (nullable): the section, for handbook results */
NhSection *
nh_search_result_get_section (NhSearchResult *self)
{
  g_return_val_if_fail (NH_IS_SEARCH_RESULT (self), NULL);
  return self->section;
}

NhSearchPlace
nh_search_result_get_place (NhSearchResult *self)
{
  g_return_val_if_fail (NH_IS_SEARCH_RESULT (self), NH_SEARCH_PLACE_SECTION);
  return self->place;
}

/* The section id, "@checklist", "@card" or "help:nemo-handbook/ID". */
const char *
nh_search_result_get_page_id (NhSearchResult *self)
{
  g_return_val_if_fail (NH_IS_SEARCH_RESULT (self), NULL);
  return self->page_id;
}

/* The title of the section, checklist, card or help topic. */
const char *
nh_search_result_get_title (NhSearchResult *self)
{
  g_return_val_if_fail (NH_IS_SEARCH_RESULT (self), NULL);
  return self->title;
}

/* Where it is, in words: "Handbook", "Checklist, “Act now”", "Help"… */
const char *
nh_search_result_get_where (NhSearchResult *self)
{
  g_return_val_if_fail (NH_IS_SEARCH_RESULT (self), NULL);
  return self->where;
}

/* The block where the first hit is, to scroll to it. */
guint
nh_search_result_get_block_index (NhSearchResult *self)
{
  g_return_val_if_fail (NH_IS_SEARCH_RESULT (self), 0);
  return self->block_index;
}

guint
nh_search_result_get_score (NhSearchResult *self)
{
  g_return_val_if_fail (NH_IS_SEARCH_RESULT (self), 0);
  return self->score;
}

/* Plain text. */
const char *
nh_search_result_get_snippet (NhSearchResult *self)
{
  g_return_val_if_fail (NH_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

/* The snippet as Pango markup: the text escaped, the matched word bold. */
char *
nh_search_result_dup_snippet_markup (NhSearchResult *self)
{
  g_autofree char *before = NULL;
  g_autofree char *match = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (NH_IS_SEARCH_RESULT (self), NULL);

  if (self->match_end <= self->match_start)
    return g_markup_escape_text (self->snippet, -1);

  before = g_markup_escape_text (self->snippet, self->match_start);
  match = g_markup_escape_text (self->snippet + self->match_start,
                                self->match_end - self->match_start);
  after = g_markup_escape_text (self->snippet + self->match_end, -1);

  return g_strdup_printf ("%s<b>%s</b>%s", before, match, after);
}
