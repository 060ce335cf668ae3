/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-edition.c: loading and validating edition documents */

#include "model/nh-edition.h"

#define VALID_DOC \
  "{\n" \
  "  \"format\": 1,\n" \
  "  \"id\": \"test\",\n" \
  "  \"title\": \"Test Handbook\",\n" \
  "  \"language\": \"en\",\n" \
  "  \"version\": \"1.0\",\n" \
  "  \"last_reviewed\": \"2026-01-31\",\n" \
  "  \"source_credit\": \"Based on test data\",\n" \
  "  \"disclaimer\": { \"text\": \"General information only.\", \"facts\": [\"G1\"] },\n" \
  "  \"checklist\": { \"title\": \"Check\", \"intro\": { \"text\": \"Go\" },\n" \
  "    \"tiers\": [ { \"id\": \"now\", \"title\": \"Now\", \"items\": [ { \"id\": \"call\", \"text\": \"Call\" } ] } ] },\n" \
  "  \"card\": { \"title\": \"Card\", \"diagnosis_default\": \"Dx\", \"instructions\": [ { \"text\": \"Do\" } ] },\n" \
  "  \"sections\": [\n" \
  "    { \"id\": \"one\", \"title\": \"First\", \"icon\": \"a-symbolic\",\n" \
  "      \"blocks\": [ { \"type\": \"paragraph\", \"text\": \"Hello\", \"facts\": [\"A1\"] },\n" \
  "                    { \"type\": \"list\", \"items\": [\"x\", \"y\"], \"facts\": [\"A2\"] } ] },\n" \
  "    { \"id\": \"two\", \"title\": \"Second\", \"icon\": \"b-symbolic\",\n" \
  "      \"blocks\": [ { \"type\": \"important\", \"text\": \"Careful\", \"facts\": [\"D4\"] },\n" \
  "                    { \"type\": \"edition-info\" } ] }\n" \
  "  ]\n" \
  "}\n"

static NhEdition *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return nh_edition_new_from_bytes (bytes, error);
}

/* Loads VALID_DOC with @find replaced by @replace; expects failure and
 * returns the error message. */
static char *
load_broken (const char *find,
             const char *replace)
{
  g_autoptr(GString) doc = g_string_new (VALID_DOC);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = NULL;

  g_assert_cmpuint (g_string_replace (doc, find, replace, 1), ==, 1);
  edition = load_string (doc->str, &error);
  g_assert_null (edition);
  g_assert_error (error, NH_EDITION_ERROR, NH_EDITION_ERROR_INVALID);

  return g_strdup (error->message);
}

static void
test_load_valid (void)
{
  g_autoptr(GError) error = NULL;
  NhEdition *edition = load_string (VALID_DOC, &error);
  NhSection *section;
  NhBlock *block;

  g_assert_no_error (error);
  g_assert_nonnull (edition);
  g_assert_cmpstr (nh_edition_get_id (edition), ==, "test");
  g_assert_cmpstr (nh_edition_get_title (edition), ==, "Test Handbook");
  g_assert_cmpstr (nh_edition_get_language (edition), ==, "en");
  g_assert_cmpstr (nh_edition_get_last_reviewed (edition), ==, "2026-01-31");
  g_assert_cmpstr (nh_edition_get_disclaimer (edition), ==, "General information only.");
  g_assert_cmpuint (nh_edition_get_n_sections (edition), ==, 2);

  section = nh_edition_find_section (edition, "two", NULL);
  g_assert_nonnull (section);
  g_assert_cmpstr (nh_section_get_title (section), ==, "Second");
  g_assert_cmpuint (nh_section_get_n_blocks (section), ==, 2);
  block = nh_section_get_block (section, 0);
  g_assert_cmpint (nh_block_get_kind (block), ==, NH_BLOCK_IMPORTANT);
  g_assert_cmpstr (nh_block_get_facts (block)[0], ==, "D4");

  block = nh_section_get_block (nh_edition_get_section (edition, 0), 1);
  g_assert_cmpint (nh_block_get_kind (block), ==, NH_BLOCK_LIST);
  g_assert_cmpuint (g_strv_length ((char **)nh_block_get_items (block)), ==, 2);

  g_assert_null (nh_edition_find_section (edition, "three", NULL));

  g_assert_finalize_object (edition);
}

static void
test_load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  NhEdition *edition = nh_edition_new_builtin (&error);
  static const char * const expected[] = {
    "overview", "infections", "inheritance", "diagnosis",
    "treatment", "what-to-expect", "about",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (nh_edition_get_n_sections (edition), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      NhSection *section = nh_edition_get_section (edition, i);

      g_assert_cmpstr (nh_section_get_id (section), ==, expected[i]);
      g_assert_cmpuint (nh_section_get_n_blocks (section), >, 0);
    }

  g_assert_finalize_object (edition);
}

static void
test_markup_kept_literal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) doc = g_string_new (VALID_DOC);
  g_autoptr(NhEdition) edition = NULL;
  NhBlock *block;

  g_string_replace (doc, "\"Hello\"", "\"<b>A & B</b> &amp;\"", 1);
  edition = load_string (doc->str, &error);
  g_assert_no_error (error);

  block = nh_section_get_block (nh_edition_get_section (edition, 0), 0);
  g_assert_cmpstr (nh_block_get_text (block), ==, "<b>A & B</b> &amp;");
}

typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  const char *expected;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "missing-title", "\"title\": \"Second\", ", "",
    "sections[1].title: missing" },
  { "empty-title", "\"title\": \"First\"", "\"title\": \"  \"",
    "sections[0].title: empty" },
  { "title-wrong-type", "\"title\": \"First\"", "\"title\": 5",
    "sections[0].title: must be text" },
  { "sections-wrong-type", "\"sections\": [", "\"sections\": 3, \"x\": [",
    "sections: must be a list" },
  { "unknown-block-type", "\"type\": \"important\"", "\"type\": \"warning\"",
    "sections[1].blocks[0].type: unknown block type \"warning\"" },
  { "list-without-items", "\"items\": [\"x\", \"y\"]", "\"itemz\": []",
    "sections[0].blocks[1].items: missing" },
  { "duplicate-id", "\"id\": \"two\"", "\"id\": \"one\"",
    "sections[1].id: duplicate id \"one\"" },
  { "bad-section-id", "\"id\": \"two\"", "\"id\": \"Two Words\"",
    "sections[1].id: \"Two Words\" is not a valid id" },
  { "impossible-date", "2026-01-31", "2026-02-30",
    "last_reviewed: \"2026-02-30\" is not a date" },
  { "bad-language", "\"language\": \"en\"", "\"language\": \"english\"",
    "language: \"english\" is not a language code" },
  { "bad-fact-id", "[\"A2\"]", "[\"Z9\"]",
    "sections[0].blocks[1].facts[0]: \"Z9\" is not a fact id" },
  { "empty-facts", "[\"A2\"]", "[]",
    "sections[0].blocks[1].facts: empty" },
  { "wrong-format", "\"format\": 1", "\"format\": 2",
    "format: format 2 is not supported" },
  { "missing-disclaimer", "\"disclaimer\"", "\"disclaimerx\"",
    "disclaimer: missing" },
  { "syntax-error", "\"version\": \"1.0\",", "\"version\": \"1.0\",,",
    "line 6: syntax error: " },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autofree char *message = load_broken (c->find, c->replace);

  if (strstr (message, c->expected) == NULL)
    g_error ("expected “%s” in “%s”", c->expected, message);
}

static void
test_every_error_reported (void)
{
  g_autoptr(GString) doc = g_string_new (VALID_DOC);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_auto(GStrv) lines = NULL;

  g_string_replace (doc, "\"title\": \"First\", ", "", 1);
  g_string_replace (doc, "2026-01-31", "yesterday", 1);
  edition = load_string (doc->str, &error);
  g_assert_null (edition);

  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "last_reviewed: "));
  g_assert_cmpstr (lines[1], ==, "sections[0].title: missing");
}

static void
test_unknown_field_is_warning (void)
{
  g_autoptr(GString) doc = g_string_new (VALID_DOC);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(NhEdition) edition = NULL;
  const NhEditionProblem *problem;

  g_string_replace (doc, "\"icon\": \"b-symbolic\"", "\"icon\": \"b-symbolic\", \"colour\": \"red\"", 1);
  bytes = g_bytes_new (doc->str, doc->len);
  problems = nh_edition_check_bytes (bytes, &edition);

  g_assert_nonnull (edition);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, NH_PROBLEM_WARNING);
  g_assert_cmpstr (problem->path, ==, "sections[1].colour");
}

/* Advice reads as advice: a callout, no box to tick, not counted as a step. */
static void
test_checklist_advice (void)
{
  g_autoptr(GString) doc = g_string_new (VALID_DOC);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) builtin = nh_edition_new_builtin (&error);
  NhChecklistTier *tier;
  const NhEditionProblem *problem;

  g_string_replace (doc, "{ \"id\": \"call\", \"text\": \"Call\" }",
                    "{ \"id\": \"call\", \"text\": \"Call\" }, "
                    "{ \"id\": \"wait\", \"kind\": \"advice\", \"text\": \"Do not wait\" }", 1);
  bytes = g_bytes_new (doc->str, doc->len);
  problems = nh_edition_check_bytes (bytes, &edition);
  g_assert_cmpuint (problems->len, ==, 0);
  tier = nh_edition_get_checklist_tier (edition, 0);
  g_assert_cmpuint (nh_checklist_tier_get_n_items (tier), ==, 2);
  g_assert_cmpuint (nh_checklist_tier_get_n_steps (tier), ==, 1);
  g_assert_false (nh_checklist_tier_get_item_is_advice (tier, 0));
  g_assert_true (nh_checklist_tier_get_item_is_advice (tier, 1));

  /* The built-in "Do not wait" is advice; its id stays. */
  g_assert_no_error (error);
  tier = nh_edition_get_checklist_tier (builtin, 0);
  g_assert_cmpstr (nh_checklist_tier_get_item_id (tier, 1), ==, "do-not-wait");
  g_assert_true (nh_checklist_tier_get_item_is_advice (tier, 1));

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_object (&edition);
  g_string_replace (doc, "\"kind\": \"advice\"", "\"kind\": \"tip\"", 1);
  bytes = g_bytes_new (doc->str, doc->len);
  problems = nh_edition_check_bytes (bytes, &edition);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, NH_PROBLEM_ERROR);
  g_assert_cmpstr (problem->path, ==, "checklist.tiers[0].items[1].kind");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GString) doc = g_string_new (VALID_DOC);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = NULL;

  g_string_replace (doc, "Hello", "Hel\xff\xfelo", 1);
  edition = load_string (doc->str, &error);
  g_assert_null (edition);
  g_assert_nonnull (strstr (error->message, "not valid UTF-8"));
  g_assert_nonnull (strstr (error->message, "line 15"));
}

static void
test_too_deep (void)
{
  g_autoptr(GString) doc = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (doc, '[');
  edition = load_string (doc->str, &error);
  g_assert_null (edition);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
}

static void
test_too_large (void)
{
  gsize size = NH_EDITION_MAX_BYTES + 1;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = NULL;

  memset (data, ' ', size);
  bytes = g_bytes_new_static (data, size);
  edition = nh_edition_new_from_bytes (bytes, &error);
  g_assert_null (edition);
  g_assert_nonnull (strstr (error->message, "too large"));
}

static void
test_text_too_long (void)
{
  g_autofree char *long_text = g_strnfill (NH_EDITION_MAX_TEXT_CHARS + 1, 'a');
  g_autofree char *replacement = g_strdup_printf ("\"%s\"", long_text);
  g_autofree char *message = load_broken ("\"Hello\"", replacement);

  g_assert_nonnull (strstr (message, "sections[0].blocks[0].text: too long"));
}

static void
test_empty_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = load_string ("", &error);

  g_assert_null (edition);
  g_assert_error (error, NH_EDITION_ERROR, NH_EDITION_ERROR_INVALID);
}

static void
test_not_an_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = load_string ("[1, 2]", &error);

  g_assert_null (edition);
  /* The whole document is at fault: its first line. */
  g_assert_cmpstr (error->message, ==, "line 1: the document must be a JSON object");
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/edition.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_new_from_file (file, &error);

  g_assert_null (edition);
  g_assert_error (error, NH_EDITION_ERROR, NH_EDITION_ERROR_READ);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/edition/load-valid", test_load_valid);
  g_test_add_func ("/nh/edition/load-builtin", test_load_builtin);
  g_test_add_func ("/nh/edition/markup-kept-literal", test_markup_kept_literal);
  g_test_add_func ("/nh/edition/every-error-reported", test_every_error_reported);
  g_test_add_func ("/nh/edition/unknown-field-is-warning", test_unknown_field_is_warning);
  g_test_add_func ("/nh/edition/checklist-advice", test_checklist_advice);
  g_test_add_func ("/nh/edition/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/nh/edition/too-deep", test_too_deep);
  g_test_add_func ("/nh/edition/too-large", test_too_large);
  g_test_add_func ("/nh/edition/text-too-long", test_text_too_long);
  g_test_add_func ("/nh/edition/empty-document", test_empty_document);
  g_test_add_func ("/nh/edition/not-an-object", test_not_an_object);
  g_test_add_func ("/nh/edition/missing-file", test_missing_file);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nh/edition/broken/%s", broken_cases[i].name);
      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }

  return g_test_run ();
}
