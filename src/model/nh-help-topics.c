/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-help-topics.c: the installed Mallard help pages, as plain text for search
 *
 * Search finds help topics too. The pages are the ones Yelp shows
 * (help/LANG/nemo-handbook/ID.page under a system data folder, or the folder
 * NH_HELP_DIR names, for tests and uninstalled runs); only their titles,
 * descriptions, paragraphs and list items are kept. A missing folder or a
 * broken page is simply left out: search then has no help results.
 */

#include "config.h"

#include "nh-help-topics.h"

#define HELP_NAME "nemo-handbook"
#define MAX_PAGE_BYTES (1024 * 1024)

typedef struct
{
  GString      *text;        /* of the element being collected, or NULL */
  guint         depth;       /* of that element */
  guint         level;
  gboolean      in_info;
  char         *title;
  GStrvBuilder *paragraphs;
  char         *desc;
} PageParser;

static gboolean
collects (const char *element)
{
  return g_str_equal (element, "p") || g_str_equal (element, "title") ||
         g_str_equal (element, "desc");
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  PageParser *parser = user_data;

  parser->level++;

  if (g_str_equal (element, "info"))
    parser->in_info = TRUE;

  if (parser->text == NULL && collects (element) &&
      (!parser->in_info || g_str_equal (element, "desc")))
    {
      parser->text = g_string_new (NULL);
      parser->depth = parser->level;
    }
}

/* One line of plain words: the markup's line breaks and indents go. */
static char *
squeeze (GString *text)
{
  g_auto(GStrv) words = g_strsplit_set (text->str, " \t\n\r", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  PageParser *parser = user_data;

  if (parser->text != NULL && parser->level == parser->depth)
    {
      g_autofree char *text = squeeze (parser->text);

      g_string_free (g_steal_pointer (&parser->text), TRUE);

      if (*text == '\0')
        ;
      else if (g_str_equal (element, "desc"))
        {
          g_free (parser->desc);
          parser->desc = g_steal_pointer (&text);
        }
      else if (g_str_equal (element, "title") && parser->title == NULL)
        parser->title = g_steal_pointer (&text);
      else
        g_strv_builder_add (parser->paragraphs, text);
    }

  if (g_str_equal (element, "info"))
    parser->in_info = FALSE;

  parser->level--;
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  PageParser *parser = user_data;

  if (parser->text != NULL)
    g_string_append_len (parser->text, text, len);
}

static NhHelpTopic *
load_page (const char *path,
           const char *id)
{
  static const GMarkupParser markup_parser = { start_element, end_element, text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) paragraphs = NULL;
  g_autoptr(GStrvBuilder) all = NULL;
  PageParser parser = { 0 };
  NhHelpTopic *topic = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL) || len > MAX_PAGE_BYTES)
    return NULL;

  parser.paragraphs = g_strv_builder_new ();
  context = g_markup_parse_context_new (&markup_parser, 0, &parser, NULL);

  if (g_markup_parse_context_parse (context, contents, len, NULL) &&
      g_markup_parse_context_end_parse (context, NULL) && parser.title != NULL)
    {
      paragraphs = g_strv_builder_end (parser.paragraphs);
      all = g_strv_builder_new ();
      if (parser.desc != NULL)
        g_strv_builder_add (all, parser.desc);
      g_strv_builder_addv (all, (const char **)paragraphs);

      topic = g_new0 (NhHelpTopic, 1);
      topic->id = g_strdup (id);
      topic->title = g_steal_pointer (&parser.title);
      topic->paragraphs = g_strv_builder_end (all);
    }
  else
    g_strv_builder_unref (parser.paragraphs);

  if (parser.text != NULL)
    g_string_free (parser.text, TRUE);
  g_free (parser.title);
  g_free (parser.desc);

  return topic;
}

static int
compare_topics (gconstpointer a,
                gconstpointer b)
{
  const NhHelpTopic *ta = *(NhHelpTopic **)a;
  const NhHelpTopic *tb = *(NhHelpTopic **)b;

  return g_strcmp0 (ta->id, tb->id);
}

/**
 * nh_help_topics_load_dir:
 *
 * Returns: (transfer full): the pages of @dir (NhHelpTopic), by id; empty
 *   when the folder cannot be read. The index page is left out: it only
 *   lists the others.
 */
GPtrArray *
nh_help_topics_load_dir (const char *dir)
{
  GPtrArray *topics = g_ptr_array_new_with_free_func ((GDestroyNotify)nh_help_topic_free);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    return topics;

  while ((name = g_dir_read_name (folder)))
    {
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;
      NhHelpTopic *topic;

      if (!g_str_has_suffix (name, ".page") || g_str_equal (name, "index.page"))
        continue;

      id = g_strndup (name, strlen (name) - strlen (".page"));
      path = g_build_filename (dir, name, NULL);
      if ((topic = load_page (path, id)))
        g_ptr_array_add (topics, topic);
    }

  g_ptr_array_sort (topics, compare_topics);
  return topics;
}

/**
 * nh_help_topics_load:
 * @language: the reader's language, such as "de"; the English pages ("C")
 *   when there are none in it
 *
 * Returns: (transfer full): the installed help pages (NhHelpTopic)
 */
GPtrArray *
nh_help_topics_load (const char *language)
{
  const char *override = g_getenv ("NH_HELP_DIR");
  const char * const *data_dirs = g_get_system_data_dirs ();
  const char *languages[] = { language != NULL ? language : "C", "C", NULL };

  if (override != NULL && *override != '\0')
    return nh_help_topics_load_dir (override);

  for (guint l = 0; languages[l]; l++)
    for (guint d = 0; data_dirs[d]; d++)
      {
        g_autofree char *dir = g_build_filename (data_dirs[d], "help", languages[l], HELP_NAME, NULL);

        if (g_file_test (dir, G_FILE_TEST_IS_DIR))
          return nh_help_topics_load_dir (dir);
      }

  return g_ptr_array_new_with_free_func ((GDestroyNotify)nh_help_topic_free);
}

void
nh_help_topic_free (NhHelpTopic *topic)
{
  if (topic == NULL)
    return;

  g_free (topic->id);
  g_free (topic->title);
  g_strfreev (topic->paragraphs);
  g_free (topic);
}
