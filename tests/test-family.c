/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-family.c: several children, today's files as the first child's, the record
 *
 * tests/data/before-family/ holds a card.json and a checklist.json as the
 * version before the family wrote them: they must become the first child's
 * with nothing lost.
 */

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "model/nh-family.h"

static char *
fresh_directory (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static void
copy_fixture (const char *directory,
              const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "before-family", name, NULL);
  g_autofree char *target = g_build_filename (directory, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_assert_true (g_file_set_contents_full (target, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static NhFamily *
load (NhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  NhFamily *family = nh_family_load (store, &backup, &error);

  g_assert_no_error (error);
  g_assert_null (backup);
  g_assert_nonnull (family);
  return family;
}

static void
assert_first_child_has_old_data (NhChild *child)
{
  g_autoptr(GError) error = NULL;
  NhCard *card = nh_child_get_card (child);
  NhChecklistState *state = nh_child_get_checklist_state (child, &error);
  g_autoptr(NhEpisode) archived = NULL;
  NhEpisode *current;

  g_assert_no_error (error);
  g_assert_null (nh_card_get_load_error (card));
  g_assert_cmpstr (nh_card_get_text (card, "child_name"), ==, "Leo Martin");
  g_assert_cmpstr (nh_card_get_text (card, "birth_date"), ==, "2019-04-02");
  g_assert_cmpstr (nh_card_get_text (card, "centre_phone"), ==, "+44 20 7946 0001");
  g_assert_cmpstr (nh_card_get_text (card, "ig_product"), ==, "Product typed by hand");
  g_assert_cmpstr (nh_card_get_text (card, "allergies"), ==, "None known");

  g_assert_nonnull (state);
  g_assert_null (nh_child_steal_checklist_backup (child));
  current = nh_checklist_state_get_current (state);
  g_assert_cmpstr (nh_episode_get_id (current), ==, "20261102T214000000000Z");
  g_assert_cmpstr (nh_episode_get_notes (current), ==, "Shivering, called the team");
  g_assert_cmpuint (nh_episode_get_n_readings (current), ==, 1);
  g_assert_cmpstr (nh_episode_get_reading_value (current, 0), ==, "39.1 °C");
  g_assert_nonnull (nh_episode_get_tick (current, "call-team"));
  g_assert_cmpstr (nh_checklist_state_get_clinic_text (state), ==, "Call the ward");
  g_assert_cmpstr (nh_checklist_state_get_clinic_phone (state), ==, "+44 20 7946 0000");
  g_assert_cmpuint (g_list_model_get_n_items (nh_checklist_state_get_archive (state)), ==, 1);
  archived = g_list_model_get_item (nh_checklist_state_get_archive (state), 0);
  g_assert_cmpstr (nh_episode_get_id (archived), ==, "20261001T080000000000Z");
  g_assert_cmpstr (nh_episode_get_notes (archived), ==, "Ear pain, seen by the GP");
}

/* The files of the version before the family are the first child's. */
static void
test_migration (void)
{
  g_autofree char *directory = fresh_directory ("migration");
  g_autofree char *card_path = g_build_filename (directory, "card.json", NULL);
  g_autofree char *family_path = g_build_filename (directory, NH_FAMILY_FILE_NAME, NULL);
  g_autofree char *card_before = NULL;
  g_autofree char *card_after = NULL;
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(NhFamily) family = NULL;
  g_autoptr(NhFamily) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  NhChild *sam;

  copy_fixture (directory, "card.json");
  copy_fixture (directory, "checklist.json");
  g_assert_true (g_file_get_contents (card_path, &card_before, NULL, NULL));

  family = load (store);
  g_assert_cmpuint (nh_family_get_n_children (family), ==, 1);
  assert_first_child_has_old_data (nh_family_get_current (family));
  name = nh_child_dup_display_name (nh_family_get_current (family));
  g_assert_cmpstr (name, ==, "Leo Martin");
  /* Loading alone writes nothing, and moves nothing. */
  g_assert_false (g_file_test (family_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (card_path, &card_after, NULL, NULL));
  g_assert_cmpstr (card_before, ==, card_after);

  /* A brother, with files of his own. */
  sam = nh_family_add_child (family, "Sam", &error);
  g_assert_no_error (error);
  g_assert_nonnull (sam);
  g_assert_cmpstr (nh_child_get_name (nh_family_get_child (family, 0)), ==, "Leo Martin");
  nh_card_set_text (nh_child_get_card (sam), "child_name", "Sam Martin");
  g_assert_true (nh_child_flush (sam, &error));
  g_assert_no_error (error);
  nh_family_set_current (family, sam);
  assert_mode (nh_store_get_directory (nh_child_get_store (sam)), 0700);
  assert_mode (family_path, 0600);

  again = load (store);
  g_assert_cmpuint (nh_family_get_n_children (again), ==, 2);
  g_assert_cmpstr (nh_child_get_id (nh_family_get_current (again)), ==, nh_child_get_id (sam));
  g_assert_cmpstr (nh_card_get_text (nh_child_get_card (nh_family_get_current (again)), "child_name"),
                   ==, "Sam Martin");
  assert_first_child_has_old_data (nh_family_get_child (again, 0));

  /* Found by name, any case, or by id. */
  g_assert_true (nh_family_find_child (again, "sam") == nh_family_get_child (again, 1));
  g_assert_true (nh_family_find_child (again, "LEO MARTIN") == nh_family_get_child (again, 0));
  g_assert_true (nh_family_find_child (again, "first") == nh_family_get_child (again, 0));
  g_assert_null (nh_family_find_child (again, "Max"));

  /* Names are needed, and differ. */
  g_assert_null (nh_family_add_child (again, "  ", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (nh_family_add_child (again, "SAM", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (nh_family_rename_child (again, nh_family_get_child (again, 1), "Samuel", &error));
  g_assert_no_error (error);
}

/* A damaged family file goes aside; no child's folder goes with it. */
static void
test_damaged_family_file (void)
{
  g_autofree char *directory = fresh_directory ("damaged-family");
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(NhFamily) family = load (store);
  g_autoptr(NhFamily) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  NhChild *sam = nh_family_add_child (family, "Sam", &error);
  g_autofree char *sam_id = g_strdup (nh_child_get_id (sam));

  g_assert_no_error (error);
  nh_card_set_text (nh_child_get_card (sam), "child_name", "Sam");
  g_assert_true (nh_child_flush (sam, &error));
  g_assert_true (nh_store_save (store, NH_FAMILY_FILE_NAME, "{\"format\": 1, [", 15, &error));

  again = nh_family_load (store, &backup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (nh_family_get_n_children (again), ==, 2);
  g_assert_cmpstr (nh_child_get_id (nh_family_get_child (again, 1)), ==, sam_id);
  g_assert_cmpstr (nh_card_get_text (nh_child_get_card (nh_family_get_child (again, 1)), "child_name"),
                   ==, "Sam");
}

static void
test_family_file_checked (void)
{
  g_autofree char *directory = fresh_directory ("checked");
  g_autoptr(NhStore) store = nh_store_new (directory);
  static const char * const bad[] = {
    "{\"format\": 2, \"children\": [{\"id\": \"first\", \"name\": \"\", \"folder\": \"\"}]}",
    "{\"format\": 1, \"children\": []}",
    "{\"format\": 1, \"children\": [{\"id\": \"../x\", \"name\": \"\", \"folder\": \"../x\"}]}",
    "{\"format\": 1, \"children\": [{\"id\": \"ab\", \"name\": \"\", \"folder\": \"/etc\"}]}",
    "{\"format\": 1, \"children\": [{\"id\": \"ab\", \"name\": \"\", \"folder\": \"children/ab\"},"
                                   "{\"id\": \"ab\", \"name\": \"\", \"folder\": \"children/ab\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(NhFamily) family = nh_family_new_from_bytes (store, bytes, &error);

      g_assert_null (family);
      g_assert_nonnull (error);
    }
}

static const char *
entry_value (NhRecord      *record,
             NhRecordTable  table,
             guint          position,
             const char    *column)
{
  return nh_record_entry_get (nh_record_get_entry (record, table, position), table, column);
}

static void
test_record_round_trip (void)
{
  g_autofree char *directory = fresh_directory ("record");
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(NhRecord) record = NULL;
  g_autoptr(NhRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) preventive = NULL;
  g_auto(GStrv) products = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *due = NULL;
  g_autofree char *id = NULL;
  g_autofree char *record_path = NULL;
  const char *later[] = { "2026-11-30 18:30", "Product B", "subcutaneous", "2,5", "g",
                          "LOT-77, LOT-78", "2027-05", "thigh", "Mum", "", "", NULL };
  const char *earlier[] = { "2026-11-23T18:00", "Product A", "iv", "10", "g",
                            "ab123", "", "", "nurse", "mild headache", "line 1\nline 2", NULL };
  const char *lab[] = { "2026-11-01", "IgG trough level", "7.5", "g/L", "6", "9", "", NULL };
  const char *course[] = { "2026-01-01", "", "Typed antibiotic", "as prescribed", "preventive", "", NULL };

  record = nh_record_load (store, &backup, &error);
  g_assert_no_error (error);
  g_assert_null (backup);
  g_assert_null (nh_record_dup_next_due (record));

  g_assert_true (nh_record_add_entry (record, NH_RECORD_INFUSIONS, later, &id, &error));
  g_assert_no_error (error);
  g_assert_true (nh_record_add_entry (record, NH_RECORD_INFUSIONS, earlier, NULL, &error));
  g_assert_true (nh_record_add_entry (record, NH_RECORD_LAB_RESULTS, lab, NULL, &error));
  g_assert_true (nh_record_add_entry (record, NH_RECORD_ANTIBIOTICS, course, NULL, &error));
  g_assert_true (nh_record_set_interval_days (record, 7, &error));
  g_assert_no_error (error);
  record_path = nh_store_dup_path (store, NH_RECORD_FILE_NAME);
  assert_mode (record_path, 0600);

  again = nh_record_load (store, &backup, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nh_record_get_n_entries (again, NH_RECORD_INFUSIONS), ==, 2);
  /* In the order of their dates, as stored: "," made "." and " " made "T". */
  g_assert_cmpstr (entry_value (again, NH_RECORD_INFUSIONS, 0, "product"), ==, "Product A");
  g_assert_cmpstr (entry_value (again, NH_RECORD_INFUSIONS, 0, "notes"), ==, "line 1\nline 2");
  g_assert_cmpstr (entry_value (again, NH_RECORD_INFUSIONS, 1, "time"), ==, "2026-11-30T18:30");
  g_assert_cmpstr (entry_value (again, NH_RECORD_INFUSIONS, 1, "dose"), ==, "2.5");
  g_assert_cmpstr (nh_record_get_last_infusion (again)->id, ==, id);
  g_assert_cmpuint (nh_record_get_interval_days (again), ==, 7);
  due = nh_record_dup_next_due (again);
  g_assert_cmpstr (due, ==, "2026-12-07");
  g_assert_cmpstr (entry_value (again, NH_RECORD_LAB_RESULTS, 0, "target_high"), ==, "9");

  products = nh_record_dup_values (again, NH_RECORD_INFUSIONS, "product");
  g_assert_cmpuint (g_strv_length (products), ==, 2);
  g_assert_cmpstr (products[0], ==, "Product B");

  found = nh_record_find_lot (again, " lot-78");
  g_assert_cmpuint (found->len, ==, 1);
  g_ptr_array_unref (found);
  found = nh_record_find_lot (again, "AB1");
  g_assert_cmpuint (found->len, ==, 1);

  preventive = nh_record_dup_current_preventive (again, "2026-12-02");
  g_assert_cmpuint (preventive->len, ==, 1);

  g_assert_true (nh_record_remove_entry (again, NH_RECORD_INFUSIONS, id, &error));
  g_assert_cmpuint (nh_record_get_n_entries (again, NH_RECORD_INFUSIONS), ==, 1);
}

static void
test_record_checks (void)
{
  g_autoptr(NhRecord) record = nh_record_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *no_product[] = { "2026-11-30T18:30", "", "", "", "", "", "", "", "", "", "", NULL };
  const char *bad_date[] = { "2026-02-30T18:30", "P", "", "", "", "", "", "", "", "", "", NULL };
  const char *bad_route[] = { "2026-02-03T18:30", "P", "oral", "", "", "", "", "", "", "", "", NULL };
  const char *unit_in_dose[] = { "2026-02-03T18:30", "P", "", "10 g", "", "", "", "", "", "", "", NULL };
  const char *end_first[] = { "2026-03-05", "2026-03-01", "Ear infection", "", "", "", "", "", "", NULL };
  const char *range_down[] = { "2026-11-01", "IgG trough level", "7", "g/L", "9", "6", "", NULL };

  g_assert_false (nh_record_add_entry (record, NH_RECORD_INFUSIONS, no_product, NULL, &error));
  g_assert_error (error, NH_RECORD_ERROR, NH_RECORD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Product"));
  g_clear_error (&error);
  g_assert_false (nh_record_add_entry (record, NH_RECORD_INFUSIONS, bad_date, NULL, &error));
  g_clear_error (&error);
  g_assert_false (nh_record_add_entry (record, NH_RECORD_INFUSIONS, bad_route, NULL, &error));
  g_clear_error (&error);
  g_assert_false (nh_record_add_entry (record, NH_RECORD_INFUSIONS, unit_in_dose, NULL, &error));
  g_clear_error (&error);
  g_assert_false (nh_record_add_entry (record, NH_RECORD_ILLNESSES, end_first, NULL, &error));
  g_clear_error (&error);
  g_assert_false (nh_record_add_entry (record, NH_RECORD_LAB_RESULTS, range_down, NULL, &error));
  g_clear_error (&error);
  g_assert_false (nh_record_set_interval_days (record, 366, &error));
  g_clear_error (&error);

  for (guint t = 0; t < NH_RECORD_N_TABLES; t++)
    g_assert_cmpuint (nh_record_get_n_entries (record, t), ==, 0);
}

/* A damaged record goes aside; the child's record starts empty. */
static void
test_record_damaged (void)
{
  g_autofree char *directory = fresh_directory ("record-damaged");
  g_autoptr(NhStore) store = nh_store_new (directory);
  static const char * const bad[] = {
    "",
    "[]",
    "{\"format\": 9}",
    "{\"format\": 1, \"infusions\": [{\"id\": \"a\", \"time\": \"yesterday\", \"product\": \"P\"}]}",
    "{\"format\": 1, \"infusions\": [{\"id\": \"a\", \"time\": \"2026-01-01T10:00\", \"product\": 3}]}",
    "{\"format\": 1, \"lab_results\": [{\"id\": \"a\", \"date\": \"2026-01-01\", \"test\": \"x\", \"value\": \"x\"}]}",
    "{\"format\": 1, \"illnesses\": [{\"id\": \"a\", \"onset\": \"2026-01-01\", \"what\": \"x\"},"
                                    "{\"id\": \"a\", \"onset\": \"2026-01-02\", \"what\": \"y\"}]}",
    "{\"format\": 1, \"infusion_interval_days\": -3}",
    "{\"format\": 1} {}",
    "{\"format\": 1, \"illnesses\": [[[[[[[[[[]]]]]]]]]]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *backup = NULL;
      g_autoptr(NhRecord) record = NULL;

      g_assert_true (nh_store_save (store, NH_RECORD_FILE_NAME, bad[i], strlen (bad[i]), &error));
      record = nh_record_load (store, &backup, &error);
      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_nonnull (backup);
      g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
      for (guint t = 0; t < NH_RECORD_N_TABLES; t++)
        g_assert_cmpuint (nh_record_get_n_entries (record, t), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/family/migration", test_migration);
  g_test_add_func ("/nh/family/damaged-family-file", test_damaged_family_file);
  g_test_add_func ("/nh/family/family-file-checked", test_family_file_checked);
  g_test_add_func ("/nh/record/round-trip", test_record_round_trip);
  g_test_add_func ("/nh/record/checks", test_record_checks);
  g_test_add_func ("/nh/record/damaged", test_record_damaged);

  return g_test_run ();
}
