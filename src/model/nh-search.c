/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-search.c: full-text search over an edition, case- and accent-insensitive
 *
 * Every text is cut into words folded by g_str_tokenize_and_fold() (with their
 * ASCII alternates, so "cafe" finds "café" and the other way round). A section
 * matches when every word of the query is the start of one of its words. Hits
 * in the title weigh more than hits in the text, so title matches come first.
 */

#include "nh-search.h"

#define TITLE_WEIGHT 100
#define SNIPPET_BEFORE 40
#define SNIPPET_AFTER 110

struct _NhSearchResult
{
  GObject    parent_instance;
  NhSection *section;
  guint      block_index;
  guint      score;
  char      *snippet;
  gsize      match_start; /* bytes, within snippet */
  gsize      match_end;
};

G_DEFINE_FINAL_TYPE (NhSearchResult, nh_search_result, G_TYPE_OBJECT)

typedef struct
{
  guint  block_index;
  char  *text;          /* original, for snippets */
  GStrv  words;         /* folded words and their ASCII alternates */
} IndexedText;

typedef struct
{
  NhSection *section;
  guint      position;
  GStrv      title_words;
  GArray    *texts;     /* of IndexedText */
} IndexedSection;

struct _NhSearch
{
  GObject    parent_instance;
  NhEdition *edition;
  GArray    *sections;  /* of IndexedSection */
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
  g_auto(GStrv) tokens = g_str_tokenize_and_fold (text, NULL, &ascii);

  g_strv_builder_addv (builder, (const char **)tokens);
  g_strv_builder_addv (builder, (const char **)ascii);

  return g_strv_builder_end (builder);
}

static void
indexed_text_clear (gpointer data)
{
  IndexedText *text = data;

  g_clear_pointer (&text->text, g_free);
  g_clear_pointer (&text->words, g_strfreev);
}

static void
indexed_section_clear (gpointer data)
{
  IndexedSection *section = data;

  g_clear_object (&section->section);
  g_clear_pointer (&section->title_words, g_strfreev);
  g_clear_pointer (&section->texts, g_array_unref);
}

static void
add_text (IndexedSection *indexed,
          guint           block_index,
          const char     *text)
{
  IndexedText entry;

  entry.block_index = block_index;
  entry.text = g_strdup (text);
  entry.words = fold_words (text);
  g_array_append_val (indexed->texts, entry);
}

static void
build_index (NhSearch *self)
{
  guint n = nh_edition_get_n_sections (self->edition);

  for (guint i = 0; i < n; i++)
    {
      NhSection *section = nh_edition_get_section (self->edition, i);
      guint n_blocks = nh_section_get_n_blocks (section);
      IndexedSection indexed;

      indexed.section = g_object_ref (section);
      indexed.position = i;
      indexed.title_words = fold_words (nh_section_get_title (section));
      indexed.texts = g_array_new (FALSE, FALSE, sizeof (IndexedText));
      g_array_set_clear_func (indexed.texts, indexed_text_clear);

      for (guint b = 0; b < n_blocks; b++)
        {
          NhBlock *block = nh_section_get_block (section, b);
          const char * const *items = nh_block_get_items (block);

          switch (nh_block_get_kind (block))
            {
            case NH_BLOCK_DISCLAIMER:
              add_text (&indexed, b, nh_edition_get_disclaimer (self->edition));
              break;

            case NH_BLOCK_EDITION_INFO:
              add_text (&indexed, b, nh_edition_get_source_credit (self->edition));
              break;

            case NH_BLOCK_LIST:
              for (guint j = 0; items && items[j]; j++)
                add_text (&indexed, b, items[j]);
              break;

            case NH_BLOCK_PARAGRAPH:
            case NH_BLOCK_HEADING:
            case NH_BLOCK_IMPORTANT:
            default:
              add_text (&indexed, b, nh_block_get_text (block));
              break;
            }
        }

      g_array_append_val (self->sections, indexed);
    }
}

static guint
count_prefix_hits (const char * const *words,
                   const char         *query_word)
{
  guint hits = 0;

  for (guint i = 0; words[i]; i++)
    if (g_str_has_prefix (words[i], query_word))
      hits++;

  return hits;
}

/* Does any folded form of @word start with any folded form of a query word? */
static gboolean
word_matches (const char         *word,
              const char * const *query_words)
{
  g_auto(GStrv) folded = fold_words (word);

  for (guint i = 0; folded[i]; i++)
    for (guint j = 0; query_words[j]; j++)
      if (g_str_has_prefix (folded[i], query_words[j]))
        return TRUE;

  return FALSE;
}

/* Finds the first word of @text that matches; returns its byte range. */
static gboolean
find_match (const char         *text,
            const char * const *query_words,
            gsize              *start,
            gsize              *end)
{
  const char *p = text;

  while (*p)
    {
      const char *word_start;
      g_autofree char *word = NULL;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (!*p)
        break;

      word_start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      word = g_strndup (word_start, p - word_start);
      if (word_matches (word, query_words))
        {
          *start = word_start - text;
          *end = p - text;
          return TRUE;
        }
    }

  return FALSE;
}

/* Cuts a window around the match at word boundaries, with ellipses. */
static NhSearchResult *
make_result (IndexedSection     *indexed,
             const IndexedText  *text,
             const char * const *query_words,
             guint               score)
{
  NhSearchResult *result = g_object_new (NH_TYPE_SEARCH_RESULT, NULL);
  const char *s = text ? text->text : NULL;
  gsize start = 0, end = 0;

  result->section = g_object_ref (indexed->section);
  result->block_index = text ? text->block_index : 0;
  result->score = score;

  if (s == NULL)
    {
      result->snippet = g_strdup ("");
      return result;
    }

  if (find_match (s, query_words, &start, &end))
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
      result->snippet = g_utf8_substring (s, 0, MIN (g_utf8_strlen (s, -1), SNIPPET_AFTER));
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

static void
nh_search_result_finalize (GObject *object)
{
  NhSearchResult *self = (NhSearchResult *)object;

  g_clear_object (&self->section);
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

  g_clear_pointer (&self->sections, g_array_unref);
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
  self->sections = g_array_new (FALSE, FALSE, sizeof (IndexedSection));
  g_array_set_clear_func (self->sections, indexed_section_clear);
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
 *   matching section
 */
GListModel *
nh_search_query (NhSearch   *self,
                 const char *query)
{
  g_autoptr(GPtrArray) results = NULL;
  g_auto(GStrv) query_words = NULL;
  GListStore *store;

  g_return_val_if_fail (NH_IS_SEARCH (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  store = g_list_store_new (NH_TYPE_SEARCH_RESULT);
  query_words = g_str_tokenize_and_fold (query, NULL, NULL);

  if (query_words[0] == NULL)
    return G_LIST_MODEL (store);

  results = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->sections->len; i++)
    {
      IndexedSection *indexed = &g_array_index (self->sections, IndexedSection, i);
      const IndexedText *first_hit = NULL;
      gboolean all_found = TRUE;
      guint score = 0;

      for (guint q = 0; query_words[q]; q++)
        {
          guint title_hits = count_prefix_hits ((const char * const *)indexed->title_words,
                                                query_words[q]);
          guint text_hits = 0;

          for (guint t = 0; t < indexed->texts->len; t++)
            {
              const IndexedText *text = &g_array_index (indexed->texts, IndexedText, t);
              guint hits = count_prefix_hits ((const char * const *)text->words,
                                              query_words[q]);

              if (hits > 0 && first_hit == NULL)
                first_hit = text;
              text_hits += hits;
            }

          if (title_hits == 0 && text_hits == 0)
            {
              all_found = FALSE;
              break;
            }

          score += title_hits * TITLE_WEIGHT + MIN (text_hits, TITLE_WEIGHT - 1);
        }

      /* A title-only hit shows the section's opening words. */
      if (first_hit == NULL && indexed->texts->len > 0)
        first_hit = &g_array_index (indexed->texts, IndexedText, 0);

      if (all_found)
        g_ptr_array_add (results,
                         make_result (indexed, first_hit,
                                      (const char * const *)query_words, score));
    }

  g_ptr_array_sort (results, compare_results);

  for (guint i = 0; i < results->len; i++)
    g_list_store_append (store, g_ptr_array_index (results, i));

  return G_LIST_MODEL (store);
}

/* Returns: (transfer none) */
NhSection *
nh_search_result_get_section (NhSearchResult *self)
{
  g_return_val_if_fail (NH_IS_SEARCH_RESULT (self), NULL);
  return self->section;
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
