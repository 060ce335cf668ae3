/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-edition-library.c: installing, listing and removing support groups' editions */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "model/nh-edition-library.h"

/* A group's edition: short, valid, with everything FORMAT.md lets a
 * group add. @ID@ and @VERSION@ are filled in. */
#define GROUP_DOC \
  "{\n" \
  "  \"format\": 1,\n" \
  "  \"id\": \"@ID@\",\n" \
  "  \"title\": \"Group Handbook\",\n" \
  "  \"language\": \"de\",\n" \
  "  \"version\": \"@VERSION@\",\n" \
  "  \"last_reviewed\": \"2026-01-31\",\n" \
  "  \"source_credit\": \"Based on test data\",\n" \
  "  \"publisher\": { \"name\": \"Test Family Group\", \"website\": \"https://example.org/\" },\n" \
  "  \"reviewed_by\": \"Dr Test\",\n" \
  "  \"reviewed_on\": \"2026-01-30\",\n" \
  "  \"disclaimer\": { \"text\": \"General information only.\", \"facts\": [\"G1\"] },\n" \
  "  \"checklist\": { \"title\": \"Check\", \"intro\": { \"text\": \"Go\" },\n" \
  "    \"tiers\": [ { \"id\": \"now\", \"title\": \"Now\", \"items\": [ { \"id\": \"call\", \"text\": \"Call\" } ] } ] },\n" \
  "  \"card\": { \"title\": \"Card\", \"diagnosis_default\": \"Dx\", \"instructions\": [ { \"text\": \"Do\" } ] },\n" \
  "  \"sections\": [\n" \
  "    { \"id\": \"one\", \"title\": \"First\", \"icon\": \"a-symbolic\",\n" \
  "      \"blocks\": [ { \"type\": \"paragraph\", \"text\": \"Hello\", \"facts\": [\"A1\"] } ] },\n" \
  "    { \"id\": \"two\", \"title\": \"Second\", \"icon\": \"b-symbolic\",\n" \
  "      \"blocks\": [ { \"type\": \"edition-info\" } ] }\n" \
  "  ]\n" \
  "}\n"

static GBytes *
group_doc (const char *id,
           const char *version)
{
  g_autoptr(GString) doc = g_string_new (GROUP_DOC);

  g_string_replace (doc, "@ID@", id, 1);
  g_string_replace (doc, "@VERSION@", version, 1);

  return g_string_free_to_bytes (g_steal_pointer (&doc));
}

/* The group's edition with @find replaced by @replace. */
static GBytes *
changed_doc (const char *find,
             const char *replace)
{
  g_autoptr(GBytes) bytes = group_doc ("group-de", "1.0");
  g_autoptr(GString) doc = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (g_string_replace (doc, find, replace, 1), ==, 1);

  return g_string_free_to_bytes (g_steal_pointer (&doc));
}

static NhEditionLibrary *
new_library (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "editions-test", NULL);

  return nh_edition_library_new (directory);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static guint
count_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir))
    n++;

  return n;
}

static void
install_ok (NhEditionLibrary *library,
            const char       *id,
            const char       *version)
{
  g_autoptr(GBytes) bytes = group_doc (id, version);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_library_install (library, bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (edition);
  g_assert_cmpstr (nh_edition_get_id (edition), ==, id);
}

static void
test_builtin_always_listed (void)
{
  g_autoptr(NhEditionLibrary) library = new_library ();
  g_autoptr(GPtrArray) infos = nh_edition_library_list (library, NULL);
  const NhEditionInfo *info;

  g_assert_cmpuint (infos->len, ==, 1);
  info = g_ptr_array_index (infos, 0);
  g_assert_true (info->builtin);
  g_assert_cmpstr (info->id, ==, NH_EDITION_LIBRARY_BUILTIN);
  g_assert_null (info->path);
  g_assert_cmpstr (info->title, ==, "NEMO Handbook");
  g_assert_true (g_str_has_prefix (info->stamp, "Built-in edition"));
  g_assert_null (info->problem);
}

static void
test_default_folder (void)
{
  g_autoptr(NhEditionLibrary) library = nh_edition_library_new_default ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), APP_ID, "editions", NULL);

  g_assert_cmpstr (nh_edition_library_get_directory (library), ==, expected);
}

static void
test_install_valid_listed (void)
{
  g_autoptr(NhEditionLibrary) library = new_library ();
  g_autoptr(GBytes) bytes = group_doc ("group-de", "1.0");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  const NhEditionInfo *info;

  edition = nh_edition_library_install (library, bytes, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (edition);
  g_assert_cmpuint (problems->len, ==, 0);

  infos = nh_edition_library_list (library, NULL);
  g_assert_cmpuint (infos->len, ==, 2);
  info = g_ptr_array_index (infos, 1);
  g_assert_false (info->builtin);
  g_assert_cmpstr (info->id, ==, "group-de");
  g_assert_cmpstr (info->title, ==, "Group Handbook");
  g_assert_cmpstr (info->publisher, ==, "Test Family Group");
  g_assert_cmpstr (info->language, ==, "de");
  g_assert_cmpstr (info->version, ==, "1.0");
  g_assert_cmpstr (info->reviewed_by, ==, "Dr Test");
  g_assert_cmpstr (info->reviewed_on, ==, "2026-01-30");
  g_assert_null (info->problem);
  g_assert_nonnull (info->stamp);

  /* The group's file itself, byte for byte, private. */
  path = g_build_filename (nh_edition_library_get_directory (library), "group-de.json", NULL);
  g_assert_cmpstr (info->path, ==, path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  assert_mode (path, 0600);
  assert_mode (nh_edition_library_get_directory (library), 0700);
}

static void
test_install_keeps_warnings (void)
{
  g_autoptr(NhEditionLibrary) library = new_library ();
  g_autoptr(GBytes) bytes = changed_doc ("\"format\": 1,", "\"format\": 1, \"colour\": \"red\",");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_library_install (library, bytes, &problems, &error);
  const NhEditionProblem *problem;

  g_assert_no_error (error);
  g_assert_nonnull (edition);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, NH_PROBLEM_WARNING);
  g_assert_cmpstr (problem->path, ==, "colour");
}

static void
test_install_invalid_refused (void)
{
  g_autoptr(NhEditionLibrary) library = new_library ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) worse = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  guint errors = 0;

  /* Two errors: both are named, each with its line. */
  bytes = changed_doc ("\"title\": \"Second\"", "\"title\": \" \"");
  {
    g_autoptr(GString) doc = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_assert_cmpuint (g_string_replace (doc, "2026-01-31", "2026-02-30", 1), ==, 1);
    worse = g_string_free_to_bytes (g_steal_pointer (&doc));
  }

  edition = nh_edition_library_install (library, worse, &problems, &error);
  g_assert_null (edition);
  g_assert_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 7: last_reviewed: \"2026-02-30\" is not a date"));
  g_assert_nonnull (strstr (error->message, "Line 19: sections[1].title: empty"));

  for (guint i = 0; i < problems->len; i++)
    if (((NhEditionProblem *)g_ptr_array_index (problems, i))->severity == NH_PROBLEM_ERROR)
      errors++;
  g_assert_cmpuint (errors, ==, 2);

  /* Nothing was saved. */
  infos = nh_edition_library_list (library, NULL);
  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_cmpuint (count_files (nh_edition_library_get_directory (library)), ==, 0);
}

static void
test_install_bad_id_refused (void)
{
  g_autoptr(NhEditionLibrary) library = new_library ();
  const char * const bad[] = { "../escape", ".hidden", "a/b", "nemo-handbook-en" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = group_doc (bad[i], "1.0");
      g_autoptr(GError) error = NULL;
      g_autoptr(NhEdition) edition = nh_edition_library_install (library, bytes, NULL, &error);

      g_assert_null (edition);
      g_assert_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_BAD_ID);
    }

  g_assert_cmpuint (count_files (nh_edition_library_get_directory (library)), ==, 0);
  g_assert_cmpuint (count_files (g_get_user_data_dir ()), <=, 1);
}

static void
test_install_replaces_same_id (void)
{
  g_autoptr(NhEditionLibrary) library = new_library ();
  g_autoptr(GPtrArray) infos = NULL;

  install_ok (library, "group-de", "1.0");
  install_ok (library, "group-de", "2.0");
  install_ok (library, "another", "1.0");

  infos = nh_edition_library_list (library, NULL);
  g_assert_cmpuint (infos->len, ==, 3);
  for (guint i = 1; i < infos->len; i++)
    {
      const NhEditionInfo *info = g_ptr_array_index (infos, i);

      if (g_str_equal (info->id, "group-de"))
        g_assert_cmpstr (info->version, ==, "2.0");
    }
}

static void
test_remove (void)
{
  g_autoptr(NhEditionLibrary) library = new_library ();
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;

  install_ok (library, "group-de", "1.0");
  g_assert_true (nh_edition_library_remove (library, "group-de", &error));
  g_assert_no_error (error);

  infos = nh_edition_library_list (library, NULL);
  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_null (nh_edition_library_find (library, "group-de"));

  g_assert_false (nh_edition_library_remove (library, "group-de", &error));
  g_assert_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (nh_edition_library_remove (library, "../group-de", &error));
  g_assert_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_NOT_FOUND);
}

static void
test_builtin_cannot_be_removed (void)
{
  g_autoptr(NhEditionLibrary) library = new_library ();
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (nh_edition_library_remove (library, NH_EDITION_LIBRARY_BUILTIN, &error));
  g_assert_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_BUILTIN);
  g_clear_error (&error);

  /* Nor by its own id. */
  g_assert_false (nh_edition_library_remove (library, "nemo-handbook-en", &error));
  g_assert_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_BUILTIN);

  infos = nh_edition_library_list (library, NULL);
  g_assert_true (((NhEditionInfo *)g_ptr_array_index (infos, 0))->builtin);
}

static void
test_reload_after_restart (void)
{
  g_autoptr(NhEditionLibrary) first = new_library ();
  g_autoptr(NhEditionLibrary) second = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(NhEdition) builtin = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;

  install_ok (first, "group-de", "1.0");
  g_clear_object (&first);

  second = new_library ();
  infos = nh_edition_library_list (second, NULL);
  g_assert_cmpuint (infos->len, ==, 2);

  edition = nh_edition_library_load (second, "group-de", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nh_edition_get_title (edition), ==, "Group Handbook");
  g_assert_cmpstr (nh_edition_get_publisher (edition), ==, "Test Family Group");
  g_assert_cmpuint (nh_edition_get_n_sections (edition), ==, 2);

  builtin = nh_edition_library_load (second, NH_EDITION_LIBRARY_BUILTIN, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (nh_edition_get_publisher (builtin));

  g_clear_object (&edition);
  edition = nh_edition_library_load (second, "not-installed", NULL, &error);
  g_assert_null (edition);
  g_assert_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_NOT_FOUND);
}

/* A file that no longer opens (changed by hand, or from a newer app) is
 * listed with its problem, so that it can still be removed. */
static void
test_broken_installed_file (void)
{
  g_autoptr(NhEditionLibrary) library = new_library ();
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const NhEditionInfo *info;

  install_ok (library, "group-de", "1.0");
  path = g_build_filename (nh_edition_library_get_directory (library), "group-de.json", NULL);
  g_assert_true (g_file_set_contents (path, "{ \"format\": 2 }", -1, NULL));

  infos = nh_edition_library_list (library, NULL);
  g_assert_cmpuint (infos->len, ==, 2);
  info = g_ptr_array_index (infos, 1);
  g_assert_cmpstr (info->id, ==, "group-de");
  g_assert_nonnull (info->problem);
  g_assert_nonnull (strstr (info->problem, "format 2 is not supported"));

  edition = nh_edition_library_load (library, "group-de", NULL, &error);
  g_assert_null (edition);
  g_assert_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (nh_edition_library_remove (library, "group-de", &error));
  g_assert_no_error (error);
}

static void
changed_cb (NhEditionLibrary *library,
            guint            *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(NhEditionLibrary) library = new_library ();
  g_autoptr(GBytes) invalid = changed_doc ("\"format\": 1", "\"format\": \"one\"");
  g_autoptr(NhEdition) edition = NULL;
  guint count = 0;

  g_signal_connect (library, "changed", G_CALLBACK (changed_cb), &count);

  install_ok (library, "group-de", "1.0");
  g_assert_cmpuint (count, ==, 1);

  edition = nh_edition_library_install (library, invalid, NULL, NULL);
  g_assert_null (edition);
  g_assert_cmpuint (count, ==, 1);

  g_assert_true (nh_edition_library_remove (library, "group-de", NULL));
  g_assert_cmpuint (count, ==, 2);
}

static void
test_read_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sent.nemo-edition.json", NULL);
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "missing.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_user_data_dir ());
  g_autoptr(GBytes) bytes = group_doc ("group-de", "1.0");
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  read = nh_edition_library_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, bytes));

  g_assert_null (nh_edition_library_read_file (missing_file, &error));
  g_assert_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "missing.json"));
  g_clear_error (&error);

  g_assert_null (nh_edition_library_read_file (folder, &error));
  g_assert_error (error, NH_EDITION_LIBRARY_ERROR, NH_EDITION_LIBRARY_ERROR_READ);
}

static void
test_describe_problem (void)
{
  NhEditionProblem with_line = { NH_PROBLEM_ERROR, (char *)"sections[2].title", (char *)"empty", 12, 7 };
  NhEditionProblem document = { NH_PROBLEM_ERROR, (char *)"", (char *)"the document is empty", 0, 0 };
  g_autofree char *first = nh_edition_problem_describe (&with_line);
  g_autofree char *second = nh_edition_problem_describe (&document);

  g_assert_cmpstr (first, ==, "Line 12: sections[2].title: empty");
  g_assert_cmpstr (second, ==, "the document is empty");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/edition-library/builtin-always-listed", test_builtin_always_listed);
  g_test_add_func ("/nh/edition-library/default-folder", test_default_folder);
  g_test_add_func ("/nh/edition-library/install-valid-listed", test_install_valid_listed);
  g_test_add_func ("/nh/edition-library/install-keeps-warnings", test_install_keeps_warnings);
  g_test_add_func ("/nh/edition-library/install-invalid-refused", test_install_invalid_refused);
  g_test_add_func ("/nh/edition-library/install-bad-id-refused", test_install_bad_id_refused);
  g_test_add_func ("/nh/edition-library/install-replaces-same-id", test_install_replaces_same_id);
  g_test_add_func ("/nh/edition-library/remove", test_remove);
  g_test_add_func ("/nh/edition-library/builtin-cannot-be-removed", test_builtin_cannot_be_removed);
  g_test_add_func ("/nh/edition-library/reload-after-restart", test_reload_after_restart);
  g_test_add_func ("/nh/edition-library/broken-installed-file", test_broken_installed_file);
  g_test_add_func ("/nh/edition-library/changed-signal", test_changed_signal);
  g_test_add_func ("/nh/edition-library/read-file", test_read_file);
  g_test_add_func ("/nh/edition-library/describe-problem", test_describe_problem);

  return g_test_run ();
}
