/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bounded.c: every loader answers a document at its size limit
 *
 * Pretty-printed and on one line, valid and with a problem in every value
 * (made by nh-test-large.c, never committed). The time is not measured
 * here (build-aux/bench prints it); the test's meson timeout catches work
 * that grows with the square of the input, which at these sizes takes
 * minutes. What is checked is the answer: a valid document loads, a bad
 * one gets every problem with the line and column of its own value.
 */

#include <json-glib/json-glib.h>

#include "fuzz/nh-fuzz-targets.h"
#include "model/nh-backup.h"
#include "model/nh-card.h"
#include "model/nh-checklist-state.h"
#include "model/nh-clinic.h"
#include "model/nh-edition.h"
#include "model/nh-family.h"
#include "model/nh-questions.h"
#include "model/nh-reading.h"
#include "model/nh-record.h"
#include "nh-test-large.h"

/* Under AddressSanitizer everything is several times slower, and the
 * normal build already catches growth with the square of the size: an
 * eighth of each limit there. */
#if defined(__SANITIZE_ADDRESS__)
#define SCALE 8
#else
#define SCALE 1
#endif

static const NhLargeFlags all_flags[] = {
  NH_LARGE_VALID, NH_LARGE_ONE_LINE, NH_LARGE_BAD, NH_LARGE_BAD | NH_LARGE_ONE_LINE,
};

static GBytes *
load_seed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "edition", "en.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* The byte where @problem says it is: line and column count from 1, the
 * column in characters. */
static const char *
locate (const char             *data,
        const NhEditionProblem *problem)
{
  const char *p = data;

  for (int line = 1; line < problem->line; line++)
    p = strchr (p, '\n') + 1;

  return g_utf8_offset_to_pointer (p, problem->column - 1);
}

static void
test_edition (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(GBytes) seed = load_seed ();
  g_autoptr(GBytes) bytes = nh_test_large_edition (seed, NH_EDITION_MAX_BYTES / SCALE, flags);
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *data = g_bytes_get_data (bytes, NULL);
  guint n_errors = 0;

  g_assert_cmpuint (g_bytes_get_size (bytes), <=, NH_EDITION_MAX_BYTES / SCALE);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, NH_EDITION_MAX_BYTES / SCALE * 9 / 10);
  g_test_message ("%" G_GSIZE_FORMAT " bytes", g_bytes_get_size (bytes));

  problems = nh_edition_check_bytes (bytes, &edition);

  for (guint i = 0; i < problems->len; i++)
    {
      const NhEditionProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == NH_PROBLEM_ERROR)
        n_errors++;

      /* Every problem has a place, and one of a value that should have
       * been text is that value: the list put there instead (checked for
       * about 64 of them: finding the place from the start is slow). */
      g_assert_cmpint (problem->line, >, 0);
      g_assert_cmpint (problem->column, >, 0);
      if (flags & NH_LARGE_ONE_LINE)
        g_assert_cmpint (problem->line, ==, 1);
      if (g_str_equal (problem->message, "must be text") && i % (problems->len / 64 + 1) == 0)
        g_assert_cmpint (*locate (data, problem), ==, '[');
    }

  if (flags & NH_LARGE_BAD)
    {
      g_assert_null (edition);
      g_assert_cmpuint (n_errors, >, 1000 / SCALE);
    }
  else
    {
      g_assert_cmpuint (n_errors, ==, 0);
      g_assert_nonnull (edition);
      g_assert_cmpuint (nh_edition_get_n_sections (edition), >, 10 / SCALE);
    }
}

static void
test_edition_shape (gconstpointer user_data)
{
  const char *shape = user_data;
  g_autoptr(GBytes) bytes = nh_test_large_shape (shape, NH_EDITION_MAX_BYTES / SCALE);
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(GPtrArray) problems = nh_edition_check_bytes (bytes, &edition);

  g_assert_null (edition);
  g_assert_cmpuint (problems->len, >, 0);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpint (((NhEditionProblem *)g_ptr_array_index (problems, i))->line, ==, 1);
}

static void
test_checklist_state (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(GBytes) bytes = nh_test_large_checklist_state (NH_CHECKLIST_STATE_MAX_BYTES / SCALE, flags);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhChecklistState) state = NULL;

  g_assert_cmpuint (g_bytes_get_size (bytes), <=, NH_CHECKLIST_STATE_MAX_BYTES / SCALE);
  /* Within one episode (of 500 readings) of the limit. */
  g_assert_cmpuint (g_bytes_get_size (bytes), >, NH_CHECKLIST_STATE_MAX_BYTES / SCALE * 4 / 5);

  state = nh_checklist_state_new_from_bytes (bytes, &error);
  if (flags & NH_LARGE_BAD)
    {
      g_assert_null (state);
      g_assert_nonnull (error);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (nh_checklist_state_get_archive (state)), >, 10 / SCALE);
    }

  /* And the contract every loader keeps (saved again, it loads again). */
  nh_fuzz_checklist_state (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_card (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(GBytes) bytes = nh_test_large_card (NH_CARD_MAX_BYTES / SCALE, flags);

  g_assert_cmpuint (g_bytes_get_size (bytes), <=, NH_CARD_MAX_BYTES / SCALE);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, NH_CARD_MAX_BYTES / SCALE * 9 / 10);

  /* Loads (or is set aside when bad), saved again, loads again. */
  nh_fuzz_card (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static const char *
flags_name (NhLargeFlags flags)
{
  static const char * const names[] = { "valid-pretty", "valid-one-line", "bad-pretty", "bad-one-line" };

  return names[flags & 3];
}

/* The stores added with the family, the record and reading: a document of
 * @head, as many values made from @item (each @ in it the value's number)
 * as fit in @max_bytes, then @tail. Pretty-printed
 * is one value a line. */
static GBytes *
fill_document (const char   *head,
               const char   *item,
               const char   *tail,
               gsize         max_bytes,
               NhLargeFlags  flags)
{
  const char *separator = (flags & NH_LARGE_ONE_LINE) ? "," : ",\n    ";
  g_auto(GStrv) parts = g_strsplit (item, "@", -1);
  GString *document = g_string_new (head);
  gsize reserved = strlen (tail) + 1;

  if (!(flags & NH_LARGE_ONE_LINE))
    g_string_append (document, "\n    ");

  for (guint i = 0;; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      g_autofree char *value = g_strjoinv (number, parts);
      gsize needed = (i > 0 ? strlen (separator) : 0) + strlen (value);

      if (document->len + needed + reserved > max_bytes)
        break;
      if (i > 0)
        g_string_append (document, separator);
      g_string_append (document, value);
    }

  if (!(flags & NH_LARGE_ONE_LINE))
    g_string_append_c (document, '\n');
  g_string_append (document, tail);

  g_assert_cmpuint (document->len, <=, max_bytes);
  g_assert_cmpuint (document->len, >, max_bytes * 9 / 10);

  return g_string_free_to_bytes (document);
}

/* Values a newer version may have written, which this one ignores. */
#define KEPT_ITEM "\"kept text number @, a longer value as a note would be, @\""

/* A folder of its own for a store, under the test's data folder. */
static NhStore *
new_store (const char   *name,
           NhLargeFlags  flags)
{
  g_autofree char *directory = g_strdup_printf ("%s/%s-%s", g_get_user_data_dir (), name,
                                                flags_name (flags));

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  return nh_store_new (directory);
}

static void
test_clinic (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NhClinic) clinic = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint n_errors = 0;

  if (flags & NH_LARGE_BAD)
    bytes = fill_document ("{\"format\":\"one\",\"name\":1,\"phone\":2,\"instructions\":[",
                           "{\"language\":@,\"text\":@}", "]}", NH_CLINIC_MAX_BYTES / SCALE, flags);
  else
    bytes = fill_document ("{\"format\":1,\"name\":\"Example Clinic\",\"phone\":\"+1 555 0100\","
                           "\"instructions\":[{\"language\":\"en\",\"text\":\"Call us first.\"}],"
                           "\"kept_from_a_newer_version\":[",
                           KEPT_ITEM, "]}", NH_CLINIC_MAX_BYTES / SCALE, flags);

  problems = nh_clinic_check_bytes (bytes, &clinic);
  for (guint i = 0; i < problems->len; i++)
    {
      const NhEditionProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == NH_PROBLEM_ERROR)
        n_errors++;
      /* Each with the place of its own value. */
      g_assert_cmpint (problem->line, >=, 1);
    }

  if (flags & NH_LARGE_BAD)
    {
      g_assert_null (clinic);
      g_assert_cmpuint (n_errors, >=, 3);
    }
  else
    {
      g_assert_cmpuint (n_errors, ==, 0);
      g_assert_nonnull (clinic);
      g_assert_cmpstr (nh_clinic_get_name (clinic), ==, "Example Clinic");
    }
}

static void
test_record (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhRecord) record = NULL;

  if (flags & NH_LARGE_BAD)
    bytes = fill_document ("{\"format\":1,\"infusions\":[", "{\"id\":@,\"time\":@}", "]}",
                           NH_RECORD_MAX_BYTES / SCALE, flags);
  else
    bytes = fill_document ("{\"format\":1,\"infusion_interval_days\":28,\"kept_from_a_newer_version\":[",
                           KEPT_ITEM, "]}", NH_RECORD_MAX_BYTES / SCALE, flags);

  record = nh_record_new_from_bytes (bytes, &error);
  if (flags & NH_LARGE_BAD)
    {
      g_assert_null (record);
      g_assert_error (error, NH_RECORD_ERROR, NH_RECORD_ERROR_INVALID);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpuint (nh_record_get_interval_days (record), ==, 28);
    }
}

static void
test_family (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(NhStore) store = new_store ("family", flags);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhFamily) family = NULL;

  if (flags & NH_LARGE_BAD)
    bytes = fill_document ("{\"format\":1,\"children\":[", "{\"id\":@,\"name\":@,\"folder\":1}", "]}",
                           NH_FAMILY_MAX_BYTES / SCALE, flags);
  else
    bytes = fill_document ("{\"format\":1,\"children\":[{\"id\":\"first\",\"name\":\"Alex\",\"folder\":\"\"}],"
                           "\"current\":\"first\",\"kept_from_a_newer_version\":[",
                           KEPT_ITEM, "]}", NH_FAMILY_MAX_BYTES / SCALE, flags);

  family = nh_family_new_from_bytes (store, bytes, &error);
  if (flags & NH_LARGE_BAD)
    {
      g_assert_null (family);
      g_assert_nonnull (error);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpuint (nh_family_get_n_children (family), ==, 1);
    }
}

static void
test_backup (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(NhStore) store = new_store ("backup", flags);
  g_autoptr(NhFamily) family = nh_family_new (store);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_children = 0;
  gboolean ok;

  if (flags & NH_LARGE_BAD)
    bytes = fill_document ("{\"kind\":\"" NH_BACKUP_KIND "\",\"format\":1,\"children\":[",
                           "{\"id\":@,\"name\":@,\"record\":1}", "]}", NH_BACKUP_MAX_BYTES / SCALE, flags);
  else
    bytes = fill_document ("{\"kind\":\"" NH_BACKUP_KIND "\",\"format\":1,"
                           "\"children\":[{\"id\":\"first\",\"name\":\"Alex\"}],\"kept_from_a_newer_version\":[",
                           KEPT_ITEM, "]}", NH_BACKUP_MAX_BYTES / SCALE, flags);

  ok = nh_backup_check (family, bytes, &n_children, &error);
  if (flags & NH_LARGE_BAD)
    {
      g_assert_false (ok);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (n_children, ==, 1);
    }
}

static void
test_questions (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(NhStore) store = new_store ("questions", flags);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhQuestions) questions = NULL;
  g_autofree char *moved = NULL;

  if (flags & NH_LARGE_BAD)
    bytes = fill_document ("{\"format\":1,\"questions\":[", "{\"text\":@,\"block\":\"@\",\"answered\":1}", "]}",
                           NH_QUESTIONS_MAX_BYTES / SCALE, flags);
  else
    bytes = fill_document ("{\"format\":1,\"questions\":[",
                           "{\"text\":\"Question number @: how long do we wait before calling?\",\"block\":@}",
                           "]}", NH_QUESTIONS_MAX_BYTES / SCALE, flags);

  g_assert_true (nh_store_save (store, NH_QUESTIONS_FILE, g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  questions = nh_questions_new (store, &moved);
  /* Well-formed JSON is kept; what is not a question is left out. */
  g_assert_null (moved);
  if (flags & NH_LARGE_BAD)
    g_assert_cmpuint (nh_questions_get_n (questions), ==, 0);
  else
    g_assert_cmpuint (nh_questions_get_n (questions), ==, NH_QUESTIONS_MAX);
}

static void
test_reading (gconstpointer user_data)
{
  NhLargeFlags flags = GPOINTER_TO_UINT (user_data);
  g_autoptr(NhStore) store = new_store ("reading", flags);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhReading) reading = NULL;
  g_autofree char *moved = NULL;

  if (flags & NH_LARGE_BAD)
    bytes = fill_document ("{\"format\":1,\"editions\":{\"en\":{\"section\":1,\"block\":\"0\",\"bookmarks\":[",
                           "{\"name\":@,\"section\":@,\"block\":\"one\",\"excerpt\":1}", "]}}}",
                           NH_READING_MAX_BYTES / SCALE, flags);
  else
    bytes = fill_document ("{\"format\":1,\"editions\":{\"en\":{\"section\":\"fever\",\"block\":2,\"bookmarks\":[",
                           "{\"name\":\"Mark @\",\"section\":\"fever\",\"block\":@,\"excerpt\":\"When a fever\"}",
                           "]}}}", NH_READING_MAX_BYTES / SCALE, flags);

  g_assert_true (nh_store_save (store, NH_READING_FILE, g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);

  reading = nh_reading_new (store, &moved);
  g_assert_null (moved);
  if (flags & NH_LARGE_BAD)
    g_assert_cmpuint (nh_reading_get_n_bookmarks (reading, "en"), ==, 0);
  else
    g_assert_cmpuint (nh_reading_get_n_bookmarks (reading, "en"), ==, NH_READING_MAX_BOOKMARKS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_flags); i++)
    {
      g_autofree char *edition = g_strdup_printf ("/bounded/edition/%s", flags_name (all_flags[i]));
      g_autofree char *state = g_strdup_printf ("/bounded/checklist-state/%s", flags_name (all_flags[i]));
      g_autofree char *card = g_strdup_printf ("/bounded/card/%s", flags_name (all_flags[i]));

      g_test_add_data_func (edition, GUINT_TO_POINTER (all_flags[i]), test_edition);
      g_test_add_data_func (state, GUINT_TO_POINTER (all_flags[i]), test_checklist_state);
      g_test_add_data_func (card, GUINT_TO_POINTER (all_flags[i]), test_card);
    }

  /* The stores added with the family, the health record and reading. */
  for (guint i = 0; i < G_N_ELEMENTS (all_flags); i++)
    {
      static const struct { const char *name; GTestDataFunc func; } stores[] = {
        { "clinic", test_clinic }, { "record", test_record }, { "family", test_family },
        { "backup", test_backup }, { "questions", test_questions }, { "reading", test_reading },
      };

      for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
        {
          g_autofree char *path = g_strdup_printf ("/bounded/%s/%s", stores[s].name, flags_name (all_flags[i]));

          g_test_add_data_func (path, GUINT_TO_POINTER (all_flags[i]), stores[s].func);
        }
    }

  for (guint i = 0; nh_test_large_shapes[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/bounded/edition/shape/%s", nh_test_large_shapes[i]);

      g_test_add_data_func (path, nh_test_large_shapes[i], test_edition_shape);
    }

  return g_test_run ();
}
