/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search.c: full-text search: folding, ranking, snippets */

#include "model/nh-search.h"

#define SEARCH_DOC \
  "{ \"format\": 1, \"id\": \"s\", \"title\": \"T\", \"language\": \"fr\",\n" \
  "  \"version\": \"1\", \"last_reviewed\": \"2026-01-01\", \"source_credit\": \"Credit\",\n" \
  "  \"disclaimer\": { \"text\": \"General only.\" },\n" \
  "  \"checklist\": { \"title\": \"Check\", \"intro\": { \"text\": \"Go\" },\n" \
  "    \"tiers\": [ { \"id\": \"now\", \"title\": \"Now\", \"items\": [ { \"id\": \"call\", \"text\": \"Call\" } ] } ] },\n" \
  "  \"card\": { \"title\": \"Card\", \"diagnosis_default\": \"Dx\", \"instructions\": [ { \"text\": \"Do\" } ] },\n" \
  "  \"sections\": [\n" \
  "    { \"id\": \"intro\", \"title\": \"Introduction\", \"icon\": \"i\", \"blocks\": [\n" \
  "      { \"type\": \"paragraph\", \"text\": \"Le traitement au café commence tôt. Treatment is mentioned, treatment again, treatment.\" } ] },\n" \
  "    { \"id\": \"care\", \"title\": \"Treatment\", \"icon\": \"i\", \"blocks\": [\n" \
  "      { \"type\": \"paragraph\", \"text\": \"How the care works.\" },\n" \
  "      { \"type\": \"list\", \"items\": [\"Antibiotics & more <b>tags</b> stay text\", \"Naïve cells\"] } ] },\n" \
  "    { \"id\": \"other\", \"title\": \"Other\", \"icon\": \"i\", \"blocks\": [\n" \
  "      { \"type\": \"important\", \"text\": \"Nothing about the subject.\" } ] }\n" \
  "  ] }"

static NhEdition *
load_search_doc (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (SEARCH_DOC, strlen (SEARCH_DOC));
  g_autoptr(GError) error = NULL;
  NhEdition *edition = nh_edition_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return edition;
}

static NhSearchResult *
result_at (GListModel *results,
           guint       position)
{
  g_autoptr(NhSearchResult) result = g_list_model_get_item (results, position);

  return result; /* the model holds a reference */
}

static const char *
section_at (GListModel *results,
            guint       position)
{
  return nh_section_get_id (nh_search_result_get_section (result_at (results, position)));
}

static void
test_accent_and_case_folding (void)
{
  g_autoptr(NhEdition) edition = load_search_doc ();
  g_autoptr(NhSearch) search = nh_search_new (edition);
  static const char * const queries[] = { "cafe", "CAFÉ", "Café", "naive", "NAÏVE", "tot" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GListModel) results = nh_search_query (search, queries[i]);

      g_test_message ("query %s", queries[i]);
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
    }
}

static void
test_title_hits_first (void)
{
  g_autoptr(NhEdition) edition = load_search_doc ();
  g_autoptr(NhSearch) search = nh_search_new (edition);
  g_autoptr(GListModel) results = nh_search_query (search, "treatment");

  /* "intro" says treatment three times in its text; "care" has it as title. */
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_assert_cmpstr (section_at (results, 0), ==, "care");
  g_assert_cmpstr (section_at (results, 1), ==, "intro");
}

static void
test_all_words_must_match (void)
{
  g_autoptr(NhEdition) edition = load_search_doc ();
  g_autoptr(NhSearch) search = nh_search_new (edition);
  g_autoptr(GListModel) both = nh_search_query (search, "care antibio");
  g_autoptr(GListModel) none = nh_search_query (search, "care zebra");
  g_autoptr(GListModel) empty = nh_search_query (search, "  ,. ");

  g_assert_cmpuint (g_list_model_get_n_items (both), ==, 1);
  g_assert_cmpstr (section_at (both, 0), ==, "care");
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);
}

/* Well-formed markup parses as XML once wrapped in an element. */
static gboolean
markup_is_well_formed (const char *markup)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *wrapped = g_strdup_printf ("<markup>%s</markup>", markup);

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  return g_markup_parse_context_parse (context, wrapped, -1, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}

static void
test_snippet_markup_escaped (void)
{
  g_autoptr(NhEdition) edition = load_search_doc ();
  g_autoptr(NhSearch) search = nh_search_new (edition);
  g_autoptr(GListModel) results = nh_search_query (search, "antibiotics");
  g_autofree char *markup = NULL;
  NhSearchResult *result;

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = result_at (results, 0);
  g_assert_cmpstr (nh_search_result_get_snippet (result), ==,
                   "Antibiotics & more <b>tags</b> stay text");
  g_assert_cmpuint (nh_search_result_get_block_index (result), ==, 1);

  markup = nh_search_result_dup_snippet_markup (result);
  g_assert_cmpstr (markup, ==,
                   "<b>Antibiotics</b> &amp; more &lt;b&gt;tags&lt;/b&gt; stay text");
  g_assert_true (markup_is_well_formed (markup));
}

static void
test_snippet_window (void)
{
  g_autoptr(NhEdition) edition = load_search_doc ();
  g_autoptr(NhSearch) search = nh_search_new (edition);
  g_autoptr(GListModel) results = nh_search_query (search, "cafe");
  g_autofree char *markup = NULL;

  markup = nh_search_result_dup_snippet_markup (result_at (results, 0));
  g_assert_nonnull (strstr (markup, "<b>café</b>"));
}

static void
test_builtin_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_new_builtin (&error);
  g_autoptr(NhSearch) search = NULL;
  g_autoptr(GListModel) bcg = NULL;
  g_autoptr(GListModel) diagnosis = NULL;

  g_assert_no_error (error);
  search = nh_search_new (edition);

  bcg = nh_search_query (search, "bcg");
  g_assert_cmpuint (g_list_model_get_n_items (bcg), >=, 1);
  g_assert_cmpstr (section_at (bcg, 0), ==, "infections");

  diagnosis = nh_search_query (search, "DIAGNOSIS");
  g_assert_cmpstr (section_at (diagnosis, 0), ==, "diagnosis");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/search/accent-and-case-folding", test_accent_and_case_folding);
  g_test_add_func ("/nh/search/title-hits-first", test_title_hits_first);
  g_test_add_func ("/nh/search/all-words-must-match", test_all_words_must_match);
  g_test_add_func ("/nh/search/snippet-markup-escaped", test_snippet_markup_escaped);
  g_test_add_func ("/nh/search/snippet-window", test_snippet_window);
  g_test_add_func ("/nh/search/builtin", test_builtin_search);

  return g_test_run ();
}
