/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search.c: full-text search: folding, ranking, snippets */

#include "model/nh-search.h"

#define SEARCH_DOC \
  "{ \"format\": 1, \"id\": \"s\", \"title\": \"T\", \"language\": \"fr\",\n" \
  "  \"version\": \"1\", \"last_reviewed\": \"2026-01-01\", \"source_credit\": \"Credit\",\n" \
  "  \"disclaimer\": { \"text\": \"General only.\" },\n" \
  "  \"contacts\": [ { \"kind\": \"helpline\", \"name\": \"Zebrafish helpline\", \"phone\": \"+00 1\" } ],\n" \
  "  \"checklist\": { \"title\": \"Check\", \"search_words\": [\"feverish\", \"high temperature\"], \"intro\": { \"text\": \"Go\" },\n" \
  "    \"tiers\": [ { \"id\": \"now\", \"title\": \"Now\", \"items\": [ { \"id\": \"call\", \"text\": \"Call\" } ] } ] },\n" \
  "  \"card\": { \"title\": \"Card\", \"diagnosis_default\": \"Dx\", \"instructions\": [ { \"text\": \"Do\" } ] },\n" \
  "  \"sections\": [\n" \
  "    { \"id\": \"intro\", \"title\": \"Introduction\", \"icon\": \"i\", \"blocks\": [\n" \
  "      { \"type\": \"paragraph\", \"text\": \"Le traitement au café commence tôt. Treatment is mentioned, treatment again, treatment.\" } ] },\n" \
  "    { \"id\": \"care\", \"title\": \"Treatment\", \"icon\": \"i\", \"blocks\": [\n" \
  "      { \"type\": \"paragraph\", \"text\": \"How the care works.\" },\n" \
  "      { \"type\": \"list\", \"items\": [\"Antibiotics & more <b>tags</b> stay text\", \"Naïve cells\"] } ] },\n" \
  "    { \"id\": \"other\", \"title\": \"Other\", \"icon\": \"i\", \"blocks\": [\n" \
  "      { \"type\": \"important\", \"text\": \"Nothing about the subject.\" },\n" \
  "      { \"type\": \"edition-info\" } ] },\n" \
  "    { \"id\": \"organs\", \"title\": \"Organs\", \"icon\": \"i\", \"search_words\": [\"body parts\"], \"blocks\": [\n" \
  "      { \"type\": \"paragraph\", \"text\": \"The liver and the lungs.\" } ] },\n" \
  "    { \"id\": \"vaccines\", \"title\": \"Vaccines\", \"icon\": \"i\", \"blocks\": [\n" \
  "      { \"type\": \"paragraph\", \"text\": \"Some are made from germs. A live vaccine is one of them.\" } ] }\n" \
  "  ] }"

/* The help pages' folder; the other tests search without help topics. */
static char *help_dir;

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

static NhSearchResult *
find_place (GListModel *results,
            const char *page_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    if (g_str_equal (nh_search_result_get_page_id (result_at (results, i)), page_id))
      return result_at (results, i);

  return NULL;
}

/* The query is folded like the text: accents on either side, in any case. */
static void
test_query_folded_like_text (void)
{
  g_autoptr(NhEdition) edition = load_search_doc ();
  g_autoptr(NhSearch) search = nh_search_new (edition);
  static const char * const queries[] = { "tôt", "TÔT", "cafè", "naïvé", "caFE" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GListModel) results = nh_search_query (search, queries[i]);

      g_test_message ("query %s", queries[i]);
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
    }
}

/* "live" is a whole word in "vaccines" and the start of "liver" in "organs". */
static void
test_whole_words_first (void)
{
  g_autoptr(NhEdition) edition = load_search_doc ();
  g_autoptr(NhSearch) search = nh_search_new (edition);
  g_autoptr(GListModel) live = nh_search_query (search, "live");
  g_autoptr(GListModel) live_vaccine = nh_search_query (search, "live vaccine");
  g_autofree char *markup = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 2);
  g_assert_cmpstr (section_at (live, 0), ==, "vaccines");
  g_assert_cmpstr (section_at (live, 1), ==, "organs");

  /* The title says "Vaccines", the text "vaccine": the snippet marks the
   * whole word "live", not "liver" nor the first prefix. */
  g_assert_cmpuint (g_list_model_get_n_items (live_vaccine), ==, 1);
  markup = nh_search_result_dup_snippet_markup (result_at (live_vaccine, 0));
  g_assert_nonnull (strstr (markup, "<b>live</b>"));
  g_assert_null (strstr (markup, "<b>liver</b>"));
}

static void
test_checklist_card_contacts (void)
{
  g_autoptr(NhEdition) edition = load_search_doc ();
  g_autoptr(NhSearch) search = nh_search_new (edition);
  g_autoptr(GListModel) temperature = nh_search_query (search, "temperature");
  g_autoptr(GListModel) call = nh_search_query (search, "call");
  g_autoptr(GListModel) card = nh_search_query (search, "dx");
  g_autoptr(GListModel) helpline = nh_search_query (search, "zebrafish");
  g_autoptr(GListModel) body = nh_search_query (search, "body parts");
  NhSearchResult *result;

  /* Extra search words find the place, and are never a snippet. */
  g_assert_cmpuint (g_list_model_get_n_items (temperature), ==, 1);
  result = result_at (temperature, 0);
  g_assert_cmpint (nh_search_result_get_place (result), ==, NH_SEARCH_PLACE_CHECKLIST);
  g_assert_cmpstr (nh_search_result_get_page_id (result), ==, "@checklist");
  g_assert_cmpstr (nh_search_result_get_title (result), ==, "Check");
  g_assert_null (nh_search_result_get_section (result));
  g_assert_cmpstr (nh_search_result_get_snippet (result), ==, "Go");

  /* A step: the result says which part of the checklist it is in. */
  result = find_place (call, "@checklist");
  g_assert_nonnull (result);
  g_assert_cmpstr (nh_search_result_get_where (result), ==, "Checklist, “Now”");
  g_assert_cmpstr (nh_search_result_get_snippet (result), ==, "Call");

  g_assert_cmpuint (g_list_model_get_n_items (card), ==, 1);
  g_assert_cmpstr (nh_search_result_get_page_id (result_at (card, 0)), ==, "@card");
  g_assert_cmpstr (nh_search_result_get_where (result_at (card, 0)), ==, "Emergency card");

  g_assert_cmpuint (g_list_model_get_n_items (helpline), ==, 1);
  result = result_at (helpline, 0);
  g_assert_cmpstr (section_at (helpline, 0), ==, "other");
  g_assert_cmpuint (nh_search_result_get_block_index (result), ==, 1);
  g_assert_cmpstr (nh_search_result_get_where (result), ==, "Contacts, in “Other”");
  g_assert_cmpstr (nh_search_result_get_snippet (result), ==, "Zebrafish helpline: +00 1");

  g_assert_cmpuint (g_list_model_get_n_items (body), ==, 1);
  g_assert_cmpstr (section_at (body, 0), ==, "organs");
}

/* The help pages (NH_HELP_DIR, the source's help/C, in the tests). */
static void
test_help_topics (void)
{
  g_autoptr(NhEdition) edition = load_search_doc ();
  g_autoptr(NhSearch) search = NULL;
  g_autoptr(GListModel) results = NULL;
  NhSearchResult *result;

  g_assert_nonnull (help_dir);
  g_setenv ("NH_HELP_DIR", help_dir, TRUE);
  search = nh_search_new (edition);
  g_setenv ("NH_HELP_DIR", "/nonexistent", TRUE);

  results = nh_search_query (search, "QR code");
  result = find_place (results, "help:nemo-handbook/emergency-card");

  g_assert_nonnull (result);
  g_assert_cmpint (nh_search_result_get_place (result), ==, NH_SEARCH_PLACE_HELP);
  g_assert_cmpstr (nh_search_result_get_title (result), ==, "The emergency card");
  g_assert_cmpstr (nh_search_result_get_where (result), ==, "Help");
  g_assert_nonnull (strstr (nh_search_result_get_snippet (result), "QR"));
}

static void
test_did_you_mean (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_new_builtin (&error);
  g_autoptr(NhSearch) search = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *swapped = NULL;
  g_autofree char *known = NULL;
  g_autofree char *shorter = NULL;
  g_autofree char *far = NULL;

  g_assert_no_error (error);
  search = nh_search_new (edition);

  none = nh_search_query (search, "imunoglobulin");
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  one = nh_search_suggest (search, "imunoglobulin");
  g_assert_cmpstr (one, ==, "immunoglobulin");
  two = nh_search_suggest (search, "Imunoglobulin replacment");
  g_assert_cmpstr (two, ==, "immunoglobulin replacement");
  swapped = nh_search_suggest (search, "diagnsois");
  g_assert_cmpstr (swapped, ==, "diagnosis");

  /* Found words, short words and far-off words get no suggestion. */
  known = nh_search_suggest (search, "immuno");
  g_assert_null (known);
  shorter = nh_search_suggest (search, "fevr");
  g_assert_null (shorter);
  far = nh_search_suggest (search, "xylophone");
  g_assert_null (far);
}

static void
test_builtin_search_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_new_builtin (&error);
  g_autoptr(NhSearch) search = NULL;
  static const char * const checklist[] = { "fever", "temperature", "high temperature", "unwell", "Infectión" };

  g_assert_no_error (error);
  search = nh_search_new (edition);

  for (guint i = 0; i < G_N_ELEMENTS (checklist); i++)
    {
      g_autoptr(GListModel) results = nh_search_query (search, checklist[i]);

      g_test_message ("query %s", checklist[i]);
      g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
      g_assert_nonnull (find_place (results, "@checklist"));
    }

  {
    g_autoptr(GListModel) fever = nh_search_query (search, "fever");
    g_autoptr(GListModel) ivig = nh_search_query (search, "IVIG");

    g_assert_cmpstr (nh_search_result_get_page_id (result_at (fever, 0)), ==, "@checklist");
    g_assert_cmpstr (section_at (ivig, 0), ==, "treatment");
  }
}

/* The extra search words are translated with the rest of the edition. */
static void
test_translated_search_words (void)
{
  static const struct { const char *language, *query; } cases[] = {
    { "de", "Fieber" }, { "fr", "fièvre" }, { "fr", "fievre" }, { "es", "fiebre" }, { "ar", "حمى" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NhCatalog) catalog = nh_catalog_new (cases[i].language);
      g_autoptr(GError) error = NULL;
      g_autoptr(NhEdition) edition = nh_edition_new_builtin_translated (catalog, &error);
      g_autoptr(NhSearch) search = NULL;
      g_autoptr(GListModel) results = NULL;

      g_assert_no_error (error);
      search = nh_search_new (edition);
      results = nh_search_query (search, cases[i].query);
      g_test_message ("%s: %s", cases[i].language, cases[i].query);
      g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
      g_assert_cmpstr (nh_search_result_get_page_id (result_at (results, 0)), ==, "@checklist");
    }
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

  help_dir = g_strdup (g_getenv ("NH_HELP_DIR"));
  g_setenv ("NH_HELP_DIR", "/nonexistent", TRUE);

  g_test_add_func ("/nh/search/accent-and-case-folding", test_accent_and_case_folding);
  g_test_add_func ("/nh/search/title-hits-first", test_title_hits_first);
  g_test_add_func ("/nh/search/all-words-must-match", test_all_words_must_match);
  g_test_add_func ("/nh/search/snippet-markup-escaped", test_snippet_markup_escaped);
  g_test_add_func ("/nh/search/snippet-window", test_snippet_window);
  g_test_add_func ("/nh/search/builtin", test_builtin_search);
  g_test_add_func ("/nh/search/query-folded-like-text", test_query_folded_like_text);
  g_test_add_func ("/nh/search/whole-words-first", test_whole_words_first);
  g_test_add_func ("/nh/search/checklist-card-contacts", test_checklist_card_contacts);
  g_test_add_func ("/nh/search/help-topics", test_help_topics);
  g_test_add_func ("/nh/search/did-you-mean", test_did_you_mean);
  g_test_add_func ("/nh/search/builtin-search-words", test_builtin_search_words);
  g_test_add_func ("/nh/search/translated-search-words", test_translated_search_words);

  return g_test_run ();
}
